using System.Globalization;
using System.Net;

namespace KannadaKit.News.Digests;

/// <summary>
/// A digest as one self-contained, responsive HTML page for reading Kannada: lang="kn", a Kannada font stack with
/// generous line height (vowel signs above and below need it), one column at a readable measure, a dark scheme
/// when the reader's system asks for one, and every story's sources linked for attribution. No scripts, no
/// external resources; every string from a feed is HTML-encoded.
/// </summary>
public static class DigestHtmlWriter
{
    private const string Style = """
        :root { color-scheme: light dark; --ink: #1b1b1f; --muted: #5b5b66; --rule: #e3e3e8; --link: #0b57d0; --paper: #fdfdfb; }
        @media (prefers-color-scheme: dark) { :root { --ink: #e8e8ec; --muted: #a4a4b0; --rule: #34343c; --link: #8ab4f8; --paper: #141417; } }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--paper); color: var(--ink);
          font-family: "Noto Sans Kannada", "Noto Sans Kannada UI", "Tunga", "Kedage", "Nirmala UI", system-ui, sans-serif;
          font-size: 1.0625rem; line-height: 1.8; -webkit-text-size-adjust: 100%; text-rendering: optimizeLegibility; }
        main { max-width: 42rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
        header { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; padding-bottom: .75rem; }
        h1 { font-size: 1.6rem; line-height: 1.5; margin: 0; }
        .meta, .sources, footer { color: var(--muted); font-size: .9rem; }
        article { padding: .25rem 0 1.25rem; border-bottom: 1px solid var(--rule); margin-bottom: 1.25rem; }
        h2 { font-size: 1.25rem; line-height: 1.55; margin: 0 0 .35rem; }
        h2 a { color: inherit; text-decoration: none; }
        h2 a:hover { text-decoration: underline; }
        p.summary { margin: 0 0 .6rem; overflow-wrap: anywhere; }
        .sources ul { list-style: none; padding: 0; margin: .2rem 0 0; }
        .sources li { margin: .15rem 0; }
        .sources a { color: var(--link); }
        .outlet { font-weight: 600; }
        @media (min-width: 48rem) { body { font-size: 1.125rem; } main { padding-top: 2.5rem; } }
        """;

    /// <summary>Writes <paramref name="digest"/> as HTML.</summary>
    public static void Write(TextWriter w, Digest digest)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(digest);
        string E(string s) => WebUtility.HtmlEncode(s);
        w.Write("<!DOCTYPE html>\n<html lang=\"kn\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write($"<title>{E(digest.Title)}</title>\n");
        w.Write("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"digest.atom\" title=\"Atom\">\n");
        w.Write($"<style>\n{Style}\n</style>\n</head>\n<body>\n<main>\n<header>\n<h1>{E(digest.Title)}</h1>\n");
        w.Write($"<p class=\"meta\">{Count(digest.Stories.Count)} · <time datetime=\"{Iso(digest.Generated)}\">{Display(digest.Generated)}</time></p>\n</header>\n");
        if (digest.Stories.Count == 0)
            w.Write("<p>ಇನ್ನೂ ಸುದ್ದಿಗಳಿಲ್ಲ. (No stories yet.)</p>\n");
        foreach (var s in digest.Stories)
        {
            string anchor = "s-" + Anchor(s.Id);
            string first = s.Sources.Count > 0 ? s.Sources[0].Url : "";
            w.Write($"<article id=\"{anchor}\">\n<h2>");
            w.Write(first.Length > 0 ? $"<a href=\"{E(first)}\" rel=\"noopener\">{E(s.Headline)}</a>" : E(s.Headline));
            w.Write($"</h2>\n<p class=\"summary\">{E(s.Summary)}</p>\n");
            w.Write($"<div class=\"sources\">ಮೂಲಗಳು ({s.Sources.Count}):\n<ul>\n");
            foreach (var src in s.Sources)
            {
                w.Write($"<li><span class=\"outlet\">{E(src.Outlet)}</span> — <a href=\"{E(src.Url)}\" rel=\"noopener\">{E(src.Title.Length > 0 ? src.Title : src.Url)}</a>");
                if (src.Published is { } p)
                    w.Write($" <time datetime=\"{Iso(p)}\">{Display(p)}</time>");
                w.Write("</li>\n");
            }

            w.Write("</ul>\n</div>\n</article>\n");
        }

        w.Write("<footer>KannadaKit news · ಸಾರಾಂಶಗಳು ಮೂಲ ಲೇಖನಗಳಿಂದ; ಪೂರ್ಣ ಸುದ್ದಿಗೆ ಮೂಲಗಳನ್ನು ಓದಿ. (Summaries are drawn from the linked articles; read the sources for the full story.)</footer>\n");
        w.Write("</main>\n</body>\n</html>\n");
    }

    internal static string Count(int n) => n.ToString(CultureInfo.InvariantCulture) + " ಸುದ್ದಿ" + (n == 1 ? "" : "ಗಳು");

    private static string Iso(DateTimeOffset d) => Json.NewsJsonWriter.Iso(d);

    // India's clock, as the readers' day is; the ISO time beside it is UTC.
    internal static string Display(DateTimeOffset d) =>
        d.ToOffset(TimeSpan.FromMinutes(330)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " IST";

    internal static string Anchor(string id) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..12];
}
