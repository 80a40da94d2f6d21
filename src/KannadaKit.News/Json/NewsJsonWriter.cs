using System.Globalization;
using System.Text.Json;
using KannadaKit.News.Feeds;

namespace KannadaKit.News.Json;

/// <summary>
/// The JSON the news commands print: <c>news feed parse --json</c> writes
/// <c>{"title","link","id","author","updated","published","entries":[{"title","link","id","summary","content","author","published","updated"}]}</c>
/// plus the feed's format, subtitle and language and each entry's categories and enclosures. Dates are ISO 8601 in
/// UTC (<c>2026-12-02T04:30:00Z</c>) or null; an author is its display string or null.
/// </summary>
public static class NewsJsonWriter
{
    private static readonly JsonWriterOptions s_compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_indented = s_compact with { Indented = true };

    /// <summary>Writer options: Kannada and HTML kept readable (the output is JSON, never embedded in a page).</summary>
    public static JsonWriterOptions Options(bool indented = false) => indented ? s_indented : s_compact;

    /// <summary>A parsed feed.</summary>
    public static void WriteFeed(Utf8JsonWriter w, Feed feed)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(feed);
        w.WriteStartObject();
        w.WriteString("title", feed.Title);
        w.WriteString("link", feed.Link);
        w.WriteString("id", feed.Id);
        Author(w, feed.Author);
        Date(w, "updated", feed.Updated);
        Date(w, "published", feed.Published);
        w.WriteString("format", FormatName(feed.Format));
        w.WriteString("subtitle", feed.Subtitle);
        w.WriteString("language", feed.Language);
        w.WriteStartArray("entries");
        foreach (var e in feed.Entries)
        {
            w.WriteStartObject();
            w.WriteString("title", e.Title);
            w.WriteString("link", e.Link);
            w.WriteString("id", e.Id);
            w.WriteString("summary", e.Summary);
            w.WriteString("content", e.Content);
            Author(w, e.Author);
            Date(w, "published", e.Published);
            Date(w, "updated", e.Updated);
            w.WriteStartArray("categories");
            foreach (var c in e.Categories)
                w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteStartArray("enclosures");
            foreach (var x in e.Enclosures)
            {
                w.WriteStartObject();
                w.WriteString("url", x.Url);
                w.WriteString("type", x.Type);
                w.WriteNumber("length", x.Length);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>An extracted article: <c>{"title","byline","published","text","lead_image","site_name"}</c>.</summary>
    public static void WriteArticle(Utf8JsonWriter w, Articles.Article a)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        w.WriteStartObject();
        w.WriteString("title", a.Title);
        w.WriteString("byline", a.Byline);
        Date(w, "published", a.Published);
        w.WriteString("text", a.Text);
        w.WriteString("lead_image", a.LeadImage);
        w.WriteString("site_name", a.SiteName);
        w.WriteEndObject();
    }

    /// <summary>
    /// A digest: <c>{"generated","title","stories":[{"id","headline","summary","method","updated","sources":[{"url","outlet","title","published"}]}]}</c>.
    /// </summary>
    public static void WriteDigest(Utf8JsonWriter w, Digests.Digest digest)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(digest);
        w.WriteStartObject();
        w.WriteString("generated", Iso(digest.Generated));
        w.WriteString("title", digest.Title);
        w.WriteStartArray("stories");
        foreach (var s in digest.Stories)
        {
            w.WriteStartObject();
            w.WriteString("id", Digests.DigestHtmlWriter.Anchor(s.Id));
            w.WriteString("headline", s.Headline);
            w.WriteString("summary", s.Summary);
            w.WriteString("method", s.Method);
            w.WriteString("updated", Iso(s.Updated));
            w.WriteStartArray("sources");
            foreach (var src in s.Sources)
            {
                w.WriteStartObject();
                w.WriteString("url", src.Url);
                w.WriteString("outlet", src.Outlet);
                w.WriteString("title", src.Title);
                Date(w, "published", src.Published);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The short name of a feed dialect: <c>rss090</c>, <c>rss09x</c>, <c>rss10</c>, <c>rss20</c>, <c>atom03</c>, <c>atom10</c>.</summary>
    public static string FormatName(FeedFormat f) => f.ToString().ToLowerInvariant();

    /// <summary>An instant as ISO 8601 UTC, seconds precision.</summary>
    public static string Iso(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Date(Utf8JsonWriter w, string name, DateTimeOffset? d)
    {
        if (d is { } v)
            w.WriteString(name, Iso(v));
        else
            w.WriteNull(name);
    }

    private static void Author(Utf8JsonWriter w, FeedAuthor? a)
    {
        if (a is null)
            w.WriteNull("author");
        else
            w.WriteString("author", a.ToString());
    }
}
