using System.Text;

namespace KannadaKit.Lexicon.Import;

/// <summary>RFC 4180 fields: commas separate, double quotes enclose, a doubled quote is a quote. Shared by import and export.</summary>
internal static class CsvFields
{
    /// <summary>Splits one record.</summary>
    public static List<string> Split(string line) => Split(line, out _);

    /// <summary>Splits one record; <paramref name="open"/> is true when a quoted field runs past the end of the line.</summary>
    public static List<string> Split(string line, out bool open)
    {
        var fields = new List<string>();
        var f = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    f.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    f.Append(c);
                }
            }
            else if (c == '"' && f.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(f.ToString());
                f.Clear();
            }
            else
            {
                f.Append(c);
            }
        }

        fields.Add(f.ToString());
        open = quoted;
        return fields;
    }

    /// <summary>One field, quoted when it holds a comma, quote or line break.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
