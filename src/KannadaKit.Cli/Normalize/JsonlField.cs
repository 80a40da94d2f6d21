using System.Buffers;
using System.Text;
using System.Text.Json;

namespace KannadaKit.Cli.Normalize;

/// <summary>
/// Finds one string field of a JSON Lines record by its dotted path and splices a new value in, leaving every other
/// byte of the record as it was (key order, spacing, number spelling, escapes elsewhere).
/// </summary>
internal sealed class JsonlField
{
    private readonly string[] _path;

    public JsonlField(string dottedPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dottedPath);
        _path = dottedPath.Split('.');
        Path = dottedPath;
    }

    public string Path { get; }

    /// <summary>Locates the field's string token in <paramref name="record"/>.</summary>
    /// <returns>False when the record has no string at that path (the value is then left alone).</returns>
    /// <exception cref="JsonException">The record is not valid JSON.</exception>
    public bool TryFind(ReadOnlySpan<byte> record, out int start, out int length, out string? value)
    {
        start = length = 0;
        value = null;
        var reader = new Utf8JsonReader(record, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var names = new List<string?>();
        string? pendingName = null;
        bool found = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    names.Add(pendingName);
                    pendingName = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    names.RemoveAt(names.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    pendingName = reader.GetString();
                    break;
                case JsonTokenType.String when !found && pendingName is not null && Matches(names, pendingName):
                    start = (int)reader.TokenStartIndex;
                    length = reader.ValueSpan.Length + 2; // raw bytes between and including the quotes
                    value = reader.GetString();
                    found = true;
                    pendingName = null;
                    break;
                default:
                    pendingName = null;
                    break;
            }
        }

        return found;
    }

    /// <summary>Writes <paramref name="value"/> as a JSON string, escaping only what JSON requires.</summary>
    public static void WriteString(string value, IBufferWriter<byte> output)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
        int max = Encoding.UTF8.GetMaxByteCount(sb.Length);
        var span = output.GetSpan(max);
        int n = Encoding.UTF8.GetBytes(sb.ToString(), span);
        output.Advance(n);
    }

    private bool Matches(List<string?> containers, string name)
    {
        // containers[0] is the root object (no name); the path names the objects below it and then the field.
        if (containers.Count != _path.Length || name != _path[^1])
        {
            return false;
        }

        for (int i = 1; i < containers.Count; i++)
        {
            if (containers[i] != _path[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
