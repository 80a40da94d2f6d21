using System.Text.Json;

namespace KannadaKit.Speech.Models;

/// <summary>
/// <c>models/manifest.json</c>: the models <c>kannadakit models</c> lists, pulls and verifies. Read with a one-line
/// error naming the file and the entry at fault.
/// </summary>
public sealed class ModelManifest
{
    private ModelManifest(string path, IReadOnlyList<ModelEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    /// <summary>The manifest file.</summary>
    public string Path { get; }

    /// <summary>Entries in file order.</summary>
    public IReadOnlyList<ModelEntry> Entries { get; }

    /// <summary>The entry called <paramref name="name"/>.</summary>
    /// <exception cref="MediaException">No such entry (the message lists the names).</exception>
    public ModelEntry Find(string name) => Entries.FirstOrDefault(e => e.Name == name)
        ?? throw new MediaException($"{Path}: no model '{name}' (known: {string.Join(", ", Entries.Select(e => e.Name))})");

    /// <summary>Reads a manifest.</summary>
    /// <exception cref="MediaException">Missing, not JSON, or an entry without a required field.</exception>
    public static ModelManifest Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!System.IO.File.Exists(path))
        {
            throw new MediaException($"{path}: model manifest not found");
        }

        try
        {
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
            var list = new List<ModelEntry>();
            int index = 0;
            foreach (var e in doc.RootElement.GetProperty("models").EnumerateArray())
            {
                string Req(string field) => e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0
                    ? v.GetString()!
                    : throw new MediaException($"{path}: models[{index}]: missing \"{field}\"");
                string? Opt(string field) => e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var entry = new ModelEntry(Req("name"), Req("file"), Req("url"), Req("checksum"), Req("licence"), Opt("description") ?? "")
                {
                    Size = e.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null,
                    Member = Opt("member"),
                    ArchiveChecksum = Opt("archive_checksum"),
                    Kind = Opt("kind") ?? "whisper",
                };
                Checksums.Parse(entry.Checksum, $"{path}: models[{index}]");
                if (entry.File.Contains('/', StringComparison.Ordinal) || entry.File.Contains('\\', StringComparison.Ordinal) || entry.File.StartsWith('.'))
                {
                    throw new MediaException($"{path}: models[{index}]: \"file\" must be a plain file name");
                }

                list.Add(entry);
                index++;
            }

            return new ModelManifest(path, list);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new MediaException($"{path}: not a model manifest ({e.Message})", e);
        }
    }
}
