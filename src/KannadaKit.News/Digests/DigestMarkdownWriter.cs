using System.Text;

namespace KannadaKit.News.Digests;

/// <summary>A digest as Markdown (CommonMark): a heading per story, its summary, and its sources as a list of links.
/// Feed text is escaped so it cannot open links, emphasis or HTML of its own.</summary>
public static class DigestMarkdownWriter
{
    /// <summary>Writes <paramref name="digest"/> as Markdown.</summary>
    public static void Write(TextWriter w, Digest digest)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(digest);
        w.Write($"# {Escape(digest.Title)}\n\n_{Json.NewsJsonWriter.Iso(digest.Generated)} · {digest.Stories.Count} ಸುದ್ದಿ_\n");
        foreach (var s in digest.Stories)
        {
            w.Write($"\n## {Escape(s.Headline)}\n\n{Escape(s.Summary)}\n\nಮೂಲಗಳು:\n\n");
            foreach (var src in s.Sources)
            {
                string when = src.Published is { } p ? " (" + Json.NewsJsonWriter.Iso(p) + ")" : "";
                w.Write($"- {Escape(src.Outlet)}: [{Escape(src.Title.Length > 0 ? src.Title : src.Url)}](<{Destination(src.Url)}>){when}\n");
            }
        }
    }

    /// <summary>Backslash-escapes every ASCII punctuation mark CommonMark gives meaning to, and folds newlines.</summary>
    internal static string Escape(string s)
    {
        var b = new StringBuilder(s.Length + 8);
        foreach (char c in s)
        {
            if (c is '\r' or '\n')
                b.Append(' ');
            else if ("\\`*_{}[]()<>#+-.!|~&\"'".Contains(c, StringComparison.Ordinal))
                b.Append('\\').Append(c);
            else
                b.Append(c);
        }

        return b.ToString();
    }

    // A pointy-bracket destination may hold anything but < > and newlines; those are percent-encoded.
    private static string Destination(string url) => url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)
        .Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
}
