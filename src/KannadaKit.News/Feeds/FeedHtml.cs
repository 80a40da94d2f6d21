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

    /// <summary>The text a reader sees in <paramref name="html"/>: no tags, entities decoded.</summary>
    public static string ToText(string html)
    {
        var doc = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        return doc.Body?.TextContent ?? "";
    }
}
