namespace KannadaKit.News.Digests;

/// <summary>A digest as plain text (the text part of a digest e-mail): numbered headlines, summaries, and each
/// source's outlet, title and address on lines of their own, with nothing to unescape.</summary>
public static class DigestTextWriter
{
    /// <summary>Writes <paramref name="digest"/> as plain text.</summary>
    public static void Write(TextWriter w, Digest digest)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(digest);
        static string Line(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
        w.Write($"{Line(digest.Title)}\n{DigestHtmlWriter.Count(digest.Stories.Count)} · {DigestHtmlWriter.Display(digest.Generated)}\n");
        int n = 0;
        foreach (var s in digest.Stories)
        {
            w.Write($"\n{++n}. {Line(s.Headline)}\n\n{Line(s.Summary)}\n\nಮೂಲಗಳು:\n");
            foreach (var src in s.Sources)
            {
                string when = src.Published is { } p ? " (" + DigestHtmlWriter.Display(p) + ")" : "";
                w.Write($"  - {Line(src.Outlet)}: {Line(src.Title)}{when}\n    {Line(src.Url)}\n");
            }
        }

        w.Write("\n--\nKannadaKit news: ಸಾರಾಂಶಗಳು ಮೂಲ ಲೇಖನಗಳಿಂದ; ಪೂರ್ಣ ಸುದ್ದಿಗೆ ಮೂಲಗಳನ್ನು ಓದಿ.\n");
    }
}
