using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KannadaKit.Text.Tests.Normalization;

/// <summary>One row of Specs/normalization.tsv.</summary>
public sealed record NormalizationSpec(int Line, string Profile, string Rules, string Input, string Expected, string Why)
{
    public override string ToString() => $"L{Line} {Profile}{(Rules == "." ? "" : " " + Rules)}: {Why}";

    public static IEnumerable<NormalizationSpec> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Specs", "normalization.tsv");
        int n = 0;
        foreach (string line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split('\t');
            if (f.Length != 5)
            {
                throw new FormatException($"{path}:{n}: expected 5 tab-separated fields, found {f.Length}");
            }

            string input = Unescape(f[2]);
            yield return new NormalizationSpec(n, f[0], f[1], input, f[3] == "=" ? input : Unescape(f[3]), f[4]);
        }
    }

    public static string Unescape(string s) => Regex.Replace(s, "<([A-Z0-9+]+)>", m => m.Groups[1].Value switch
    {
        "ZWNJ" => "\u200C",
        "ZWJ" => "\u200D",
        "ZWSP" => "\u200B",
        "NBSP" => "\u00A0",
        "BOM" => "\uFEFF",
        "SHY" => "\u00AD",
        "WJ" => "\u2060",
        "TAB" => "\t",
        "CR" => "\r",
        "SP" => " ",
        var u when u.StartsWith("U+", StringComparison.Ordinal) =>
            char.ConvertFromUtf32(int.Parse(u[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
        var other => throw new FormatException($"unknown escape <{other}>"),
    });

    public static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s)
        {
            sb.Append(c is >= ' ' and < '\u007F' || (c >= '\u0C80' && c <= '\u0CFF') ? c.ToString() : $"<U+{(int)c:X4}>");
        }

        return sb.ToString();
    }
}
