using System.Text;
using System.Xml;

namespace KannadaKit.News.Digests;

/// <summary>
/// A digest as an Atom 1.0 feed of summaries (RFC 4287): one entry per story with a stable tag: id (so readers
/// do not show a story twice as it grows), the summary, an alternate link to the summarized article, a related
/// link to every source, and the outlets as contributors.
/// </summary>
public static class DigestAtomWriter
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    /// <summary>Writes <paramref name="digest"/> as Atom; <paramref name="self"/> is where the feed will be served, when known.</summary>
    public static void Write(Stream output, Digest digest, Uri? self = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(digest);
        using var w = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = false });
        w.WriteStartDocument();
        w.WriteStartElement("feed", Ns);
        w.WriteAttributeString("xml", "lang", null, "kn");
        Text(w, "title", digest.Title);
        Text(w, "id", "tag:kannadakit.news,2026:digest");
        Text(w, "updated", Json.NewsJsonWriter.Iso(digest.Generated));
        if (self is not null)
            Link(w, "self", self.AbsoluteUri, "application/atom+xml");
        w.WriteStartElement("generator", Ns);
        w.WriteString("KannadaKit news");
        w.WriteEndElement();
        foreach (var s in digest.Stories)
        {
            w.WriteStartElement("entry", Ns);
            Text(w, "id", "tag:kannadakit.news,2026:story:" + DigestHtmlWriter.Anchor(s.Id));
            Text(w, "title", s.Headline);
            Text(w, "updated", Json.NewsJsonWriter.Iso(s.Updated));
            w.WriteStartElement("author", Ns);
            Text(w, "name", string.Join(", ", s.Sources.Select(x => x.Outlet).Distinct(StringComparer.Ordinal)));
            w.WriteEndElement();
            for (int i = 0; i < s.Sources.Count; i++)
                Link(w, i == 0 ? "alternate" : "related", s.Sources[i].Url, "text/html", $"{s.Sources[i].Outlet}: {s.Sources[i].Title}");
            w.WriteStartElement("summary", Ns);
            w.WriteAttributeString("type", "text");
            w.WriteString(Clean(s.Summary));
            w.WriteEndElement();
            w.WriteStartElement("category", Ns);
            w.WriteAttributeString("term", s.Method);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Text(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(name, Ns);
        w.WriteString(Clean(value));
        w.WriteEndElement();
    }

    private static void Link(XmlWriter w, string rel, string href, string type, string? title = null)
    {
        w.WriteStartElement("link", Ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", Clean(href));
        if (title is not null)
            w.WriteAttributeString("title", Clean(title));
        w.WriteEndElement();
    }

    // XML 1.0 cannot carry most control characters even escaped; a feed's stray ones are dropped.
    private static string Clean(string s) => string.Concat(s.Where(c => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)));
}
