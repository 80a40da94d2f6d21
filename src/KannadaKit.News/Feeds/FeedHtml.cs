using System.Text;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace KannadaKit.News.Feeds;

/// <summary>
/// HTML from feeds made safe to show: HtmlSanitizer's allow-list (no scripts, event handlers, iframes, forms or
/// <c>javascript:</c> URLs), relative URLs resolved against the entry's base, NFC. Thread-safe once built.
/// </summary>
internal sealed class FeedHtml
{
    private readonly HtmlSanitizer _sanitizer = new();

    public FeedHtml()
    {
        _sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
            _sanitizer.AllowedSchemes.Add(scheme);
        _sanitizer.AllowedAttributes.Remove("style"); // feeds' inline styles fight the reader's typography
        _sanitizer.AllowedTags.Remove("form");
    }

    /// <summary>Sanitized HTML; empty for empty input.</summary>
    public string Sanitize(string html, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(html))
            return "";
        string clean = baseUri is null ? _sanitizer.Sanitize(html) : _sanitizer.Sanitize(html, baseUri.AbsoluteUri);
        return clean.Trim().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The text a reader sees in <paramref name="html"/>: no tags, entities decoded, and a line break
    /// where a block ends (paragraphs run together would glue one sentence's full stop to the next one's word).</summary>
    public static string ToText(string html)
    {
        var doc = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        if (doc.Body is null)
            return "";
        var b = new StringBuilder();
        Append(doc.Body, b);
        var lines = b.ToString().Split('\n').Select(l => string.Join(' ', l.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table", "section", "article", "figure", "figcaption", "pre", "hr", "dd", "dt",
    };

    private static void Append(AngleSharp.Dom.INode node, StringBuilder b)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is AngleSharp.Dom.IText text)
            {
                b.Append(text.Data);
            }
            else if (child is AngleSharp.Dom.IElement e)
            {
                bool block = s_blocks.Contains(e.LocalName);
                if (block)
                    b.Append('\n');
                Append(e, b);
                if (block)
                    b.Append('\n');
            }
        }
    }
}
