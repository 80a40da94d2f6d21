using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace KannadaKit.News.Feeds;

/// <summary>
/// RSS 0.90, 0.9x, 1.0 and 2.0 and Atom 0.3 and 1.0, read the way feedparser reads them: xml:base and relative links
/// resolved, CDATA and escaped HTML, HTML entities, Dublin Core and <c>dcterms</c> dates, authors as name and e-mail,
/// content apart from summary, categories, enclosures and Media RSS; HTML sanitized; text NFC. No DTD is processed
/// and nothing outside the document is ever fetched. Thread-safe.
/// </summary>
public sealed class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom", Atom03 = "http://purl.org/atom/ns#",
        Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", Rss10 = "http://purl.org/rss/1.0/", Rss090 = "http://my.netscape.com/rdf/simple/0.9/",
        Content = "http://purl.org/rss/1.0/modules/content/", Dc = "http://purl.org/dc/elements/1.1/", DcTerms = "http://purl.org/dc/terms/",
        Media = "http://search.yahoo.com/mrss/", Xml = XNamespace.Xml, Xhtml = "http://www.w3.org/1999/xhtml";

    private readonly FeedParserOptions _options;
    private readonly FeedHtml _html = new();

    /// <summary>A parser with <paramref name="options"/>.</summary>
    public FeedParser(FeedParserOptions? options = null) => _options = options ?? new FeedParserOptions();

    /// <summary>Parses a feed document as fetched.</summary>
    /// <param name="document">The bytes.</param>
    /// <param name="location">Where it came from: the base for relative links when the feed gives none.</param>
    /// <param name="httpCharset">The charset of the HTTP Content-Type, when there was one.</param>
    /// <exception cref="FeedParseException">Not a feed, not well-formed, too large, or declares DTD entities.</exception>
    public Feed Parse(ReadOnlySpan<byte> document, Uri? location = null, string? httpCharset = null)
    {
        if (document.Length > _options.MaxBytes)
            throw new FeedParseException($"{document.Length:N0} bytes; feeds over {_options.MaxBytes:N0} bytes are refused");
        return Parse(FeedText.Decode(document, httpCharset).Text, location);
    }

    /// <summary>Parses a feed already decoded to text.</summary>
    /// <exception cref="FeedParseException">Not a feed, not well-formed, too large, or declares DTD entities.</exception>
    public Feed Parse(string document, Uri? location = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Length > _options.MaxBytes)
            throw new FeedParseException($"{document.Length:N0} characters; feeds over {_options.MaxBytes:N0} are refused");
        var root = Load(FeedText.Repair(document));
        return root.Name.LocalName switch
        {
            "rss" when root.Name.Namespace == XNamespace.None => ParseRss(root, location),
            "RDF" when root.Name.Namespace == Rdf => ParseRdf(root, location),
            "feed" when root.Name.Namespace == Atom => ParseAtom(root, location, FeedFormat.Atom10),
            "feed" when root.Name.Namespace == Atom03 || (string?)root.Attribute("version") == "0.3" => ParseAtom(root, location, FeedFormat.Atom03),
            _ => throw new FeedParseException($"the root element is <{root.Name.LocalName}>, not a feed (expected <rss>, <rdf:RDF> or <feed>)"),
        };
    }

    private static XElement Load(string xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false, // control characters in titles are common; the text is cleaned later
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo).Root ?? throw new FeedParseException("the document has no root element");
        }
        catch (XmlException e)
        {
            throw new FeedParseException($"line {e.LineNumber}, column {e.LinePosition}: not well-formed XML ({FirstSentence(e.Message)})", e);
        }
    }

    private Feed ParseRss(XElement rss, Uri? location)
    {
        var channel = rss.Element("channel") ?? throw new FeedParseException("<rss> has no <channel>");
        string version = (string?)rss.Attribute("version") ?? "2.0";
        var items = channel.Elements("item").Concat(rss.Elements("item")); // some 0.9x feeds put items beside the channel
        return ChannelFields(channel, location) with
        {
            Format = version.StartsWith("0.9", StringComparison.Ordinal) ? FeedFormat.Rss09x : FeedFormat.Rss20,
            Entries = [.. items.Take(_options.MaxEntries).Select(i => RssItem(i, location))],
        };
    }

    private Feed ParseRdf(XElement rdf, Uri? location)
    {
        XNamespace ns = rdf.Element(Rss10 + "channel") is not null || rdf.Element(Rss10 + "item") is not null ? Rss10 : Rss090;
        var channel = rdf.Element(ns + "channel") ?? throw new FeedParseException("<rdf:RDF> has no RSS <channel>");
        return ChannelFields(channel, location, ns) with
        {
            Format = ns == Rss10 ? FeedFormat.Rss10 : FeedFormat.Rss090,
            Entries = [.. rdf.Elements(ns + "item").Take(_options.MaxEntries).Select(i => RssItem(i, location, ns))],
        };
    }

    private Feed ChannelFields(XElement channel, Uri? location, XNamespace? ns = null)
    {
        ns ??= XNamespace.None;
        var baseUri = BaseOf(channel, location);
        string link = Resolve(Text(channel.Element(ns + "link")), baseUri);
        string altLink = AtomLink(channel, "alternate", baseUri);
        return new Feed
        {
            Title = PlainText(Text(channel.Element(ns + "title")) ?? Text(channel.Element(Dc + "title"))),
            Link = link.Length > 0 ? link : altLink,
            Id = link.Length > 0 ? link : altLink,
            Subtitle = _html.Sanitize(Text(channel.Element(ns + "description")) ?? Text(channel.Element(Dc + "description")) ?? "", baseUri),
            Language = Clean(Text(channel.Element(ns + "language")) ?? Text(channel.Element(Dc + "language")) ?? ""),
            Author = RssAuthor(Text(channel.Element(ns + "managingEditor")) ?? Text(channel.Element(Dc + "creator")) ?? Text(channel.Element(ns + "webMaster"))),
            Updated = Date(channel, (ns, "lastBuildDate"), (Dc, "date"), (DcTerms, "modified"), (Atom, "updated")),
            Published = Date(channel, (ns, "pubDate"), (DcTerms, "issued"), (DcTerms, "created")),
        };
    }

    private FeedEntry RssItem(XElement item, Uri? location, XNamespace? ns = null)
    {
        ns ??= XNamespace.None;
        var baseUri = BaseOf(item, location);
        var guid = item.Element(ns + "guid");
        string id = Clean(Text(guid) ?? Text(item.Element(Dc + "identifier")) ?? "");
        string link = Resolve(Text(item.Element(ns + "link")), baseUri);
        if (link.Length == 0)
            link = AtomLink(item, "alternate", baseUri);
        // A guid is a permalink unless it says otherwise (RSS 2.0), and then it is the link when there is none.
        if (link.Length == 0 && guid is not null && (string?)guid.Attribute("isPermaLink") != "false" && IsWebUrl(id, baseUri))
            link = Resolve(id, baseUri);
        var categories = item.Elements(ns + "category").Concat(item.Elements(Dc + "subject")).Select(c => Clean(c.Value))
            .Concat(item.Elements(Atom + "category").Select(c => Clean((string?)c.Attribute("term") ?? "")));
        var published = Date(item, (ns, "pubDate"), (DcTerms, "issued"), (DcTerms, "created"), (Atom, "published"));
        var updated = Date(item, (DcTerms, "modified"), (Atom, "updated"));
        var dcDate = Date(item, (Dc, "date"));
        return new FeedEntry
        {
            Title = PlainText(Text(item.Element(ns + "title")) ?? Text(item.Element(Dc + "title"))),
            Link = link,
            Id = id.Length > 0 ? id : link,
            Summary = _html.Sanitize(Text(item.Element(ns + "description")) ?? Text(item.Element(Dc + "description")) ?? "", baseUri),
            Content = _html.Sanitize(Text(item.Element(Content + "encoded")) ?? "", baseUri),
            Author = RssAuthor(Text(item.Element(ns + "author")) ?? Text(item.Element(Dc + "creator"))),
            // dc:date is the only date many RDF feeds have: it stands for both.
            Published = published ?? dcDate,
            Updated = updated ?? dcDate ?? published,
            Categories = [.. categories.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
            Enclosures = Enclosures(item, baseUri),
        };
    }

    private Feed ParseAtom(XElement feed, Uri? location, FeedFormat format)
    {
        XNamespace ns = format == FeedFormat.Atom10 ? Atom : feed.Name.Namespace;
        var baseUri = BaseOf(feed, location);
        var author = AtomAuthor(feed.Element(ns + "author"));
        string link = AtomLink(feed, "alternate", baseUri, ns);
        return new Feed
        {
            Format = format,
            Title = PlainText(TextConstruct(feed.Element(ns + "title"), baseUri, html: false)),
            Link = link,
            Id = Clean(Text(feed.Element(ns + "id")) ?? link),
            Subtitle = TextConstruct(feed.Element(ns + "subtitle") ?? feed.Element(ns + "tagline"), baseUri, html: true),
            Language = Clean((string?)feed.Attribute(Xml + "lang") ?? ""),
            Author = author,
            Updated = Date(feed, (ns, "updated"), (ns, "modified")),
            Published = Date(feed, (ns, "published"), (ns, "issued"), (ns, "created")),
            Entries = [.. feed.Elements(ns + "entry").Take(_options.MaxEntries).Select(e => AtomEntry(e, ns, location, author))],
        };
    }

    private FeedEntry AtomEntry(XElement entry, XNamespace ns, Uri? location, FeedAuthor? feedAuthor)
    {
        var baseUri = BaseOf(entry, location);
        string link = AtomLink(entry, "alternate", baseUri, ns);
        var content = entry.Element(ns + "content");
        string id = Clean(Text(entry.Element(ns + "id")) ?? "");
        var published = Date(entry, (ns, "published"), (ns, "issued"), (ns, "created"));
        var enclosures = entry.Elements(ns + "link").Where(l => (string?)l.Attribute("rel") == "enclosure")
            .Select(l => new FeedEnclosure(Resolve((string?)l.Attribute("href"), BaseOf(l, location)), Clean((string?)l.Attribute("type") ?? ""), Length((string?)l.Attribute("length"))))
            .Where(e => e.Url.Length > 0);
        return new FeedEntry
        {
            Title = PlainText(TextConstruct(entry.Element(ns + "title"), baseUri, html: false)),
            Link = link,
            Id = id.Length > 0 ? id : link,
            Summary = TextConstruct(entry.Element(ns + "summary"), baseUri, html: true),
            // Content by reference (src) is not inline text: the link says where it is.
            Content = content?.Attribute("src") is null ? TextConstruct(content, baseUri, html: true) : "",
            Author = AtomAuthor(entry.Element(ns + "author")) ?? feedAuthor,
            Published = published,
            Updated = Date(entry, (ns, "updated"), (ns, "modified")) ?? published,
            Categories = [.. entry.Elements(ns + "category").Select(c => Clean((string?)c.Attribute("term") ?? (string?)c.Attribute("label") ?? c.Value))
                .Concat(entry.Elements(Dc + "subject").Select(c => Clean(c.Value))).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
            Enclosures = [.. enclosures.Concat(Enclosures(entry, baseUri)).DistinctBy(e => e.Url)],
        };
    }

    /// <summary>
    /// An Atom text construct as HTML (<paramref name="html"/>) or as text: type text/html/xhtml (1.0), and the
    /// 0.3 forms with MIME types and mode escaped/xml/base64.
    /// </summary>
    private string TextConstruct(XElement? e, Uri? baseUri, bool html)
    {
        if (e is null)
            return "";
        string type = ((string?)e.Attribute("type") ?? "text").ToLowerInvariant();
        string mode = ((string?)e.Attribute("mode") ?? "").ToLowerInvariant();
        string value;
        bool isHtml;
        if (type is "xhtml" or "application/xhtml+xml" || mode == "xml" && e.HasElements)
        {
            var div = e.Element(Xhtml + "div");
            var nodes = div is not null ? div.Nodes() : e.Nodes();
            value = string.Concat(nodes.Select(n => n.ToString(SaveOptions.DisableFormatting)));
            isHtml = true;
        }
        else if (mode == "base64")
        {
            try
            {
                value = Encoding.UTF8.GetString(Convert.FromBase64String(e.Value));
            }
            catch (FormatException)
            {
                value = "";
            }

            isHtml = type.Contains("html", StringComparison.Ordinal);
        }
        else
        {
            value = e.Value;
            isHtml = type is "html" or "text/html" || mode == "escaped";
        }

        if (!html)
            return isHtml ? value : System.Net.WebUtility.HtmlEncode(value);
        return _html.Sanitize(isHtml ? value : System.Net.WebUtility.HtmlEncode(value.Trim()), BaseOf(e, baseUri));
    }

    private static string AtomLink(XElement parent, string rel, Uri? baseUri, XNamespace? ns = null)
    {
        ns ??= Atom;
        foreach (var l in parent.Elements(ns + "link"))
        {
            string r = (string?)l.Attribute("rel") ?? "alternate";
            if (r == rel && (string?)l.Attribute("href") is { } href)
                return Resolve(href, BaseOf(l, baseUri));
        }

        return "";
    }

    private static FeedAuthor? AtomAuthor(XElement? a)
    {
        if (a is null)
            return null;
        XNamespace ns = a.Name.Namespace;
        string name = Clean(Text(a.Element(ns + "name")) ?? ""), email = Clean(Text(a.Element(ns + "email")) ?? ""), uri = Clean(Text(a.Element(ns + "uri") ?? a.Element(ns + "url")) ?? "");
        return name.Length + email.Length + uri.Length == 0 ? null : new FeedAuthor(name, email, uri);
    }

    /// <summary>RSS authors: "jo@example.com (Jo Doe)", "Jo Doe &lt;jo@example.com&gt;", an address, or a name.</summary>
    internal static FeedAuthor? RssAuthor(string? text)
    {
        // Decoded but not stripped yet: "Jo <jo@example.com>" would lose the address to a tag stripper.
        string s = Clean(System.Net.WebUtility.HtmlDecode(text ?? ""));
        if (s.Length == 0)
            return null;
        int open = s.IndexOf('(');
        if (open > 0 && s.EndsWith(')') && s[..open].Contains('@'))
            return new FeedAuthor(s[(open + 1)..^1].Trim(), s[..open].Trim());
        int lt = s.IndexOf('<');
        if (lt >= 0 && s.EndsWith('>') && s[lt..].Contains('@'))
            return new FeedAuthor(s[..lt].Trim().Trim('"'), s[(lt + 1)..^1].Trim());
        if (s.Contains('@') && !s.Contains(' '))
            return new FeedAuthor("", s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? s[7..] : s);
        return new FeedAuthor(PlainText(s));
    }

    private static IReadOnlyList<FeedEnclosure> Enclosures(XElement item, Uri? baseUri)
    {
        var list = new List<FeedEnclosure>();
        foreach (var e in item.Elements("enclosure"))
            list.Add(new FeedEnclosure(Resolve((string?)e.Attribute("url"), baseUri), Clean((string?)e.Attribute("type") ?? ""), Length((string?)e.Attribute("length"))));
        foreach (var m in item.Elements(Media + "content").Concat(item.Elements(Media + "group").Elements(Media + "content")))
        {
            string type = (string?)m.Attribute("type") ?? ((string?)m.Attribute("medium") == "image" ? "image" : "");
            list.Add(new FeedEnclosure(Resolve((string?)m.Attribute("url"), baseUri), Clean(type), Length((string?)m.Attribute("fileSize"))));
        }

        foreach (var t in item.Descendants(Media + "thumbnail"))
            list.Add(new FeedEnclosure(Resolve((string?)t.Attribute("url"), baseUri), "image", 0));
        return [.. list.Where(e => e.Url.Length > 0).DistinctBy(e => e.Url)];
    }

    private static long Length(string? s) => long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n) ? n : 0;

    private static DateTimeOffset? Date(XElement parent, params (XNamespace Ns, string Name)[] names)
    {
        foreach (var (ns, name) in names)
        {
            if (FeedDates.Parse(Text(parent.Element(ns + name))) is { } d)
                return d;
        }

        return null;
    }

    /// <summary>The base URI in force at <paramref name="e"/>: xml:base attributes from the root down, over the document's location.</summary>
    private static Uri? BaseOf(XElement e, Uri? location)
    {
        Uri? current = location;
        foreach (var a in e.AncestorsAndSelf().Reverse())
        {
            if ((string?)a.Attribute(Xml + "base") is { } b && Uri.TryCreate(current, b.Trim(), out var next))
                current = next;
        }

        return current;
    }

    private static string Resolve(string? href, Uri? baseUri)
    {
        string s = Clean(href ?? "");
        if (s.Length == 0)
            return "";
        if (Uri.TryCreate(s, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https" or "mailto" or "ftp" or "magnet")
            return abs.AbsoluteUri;
        if (baseUri is not null && Uri.TryCreate(baseUri, s, out var rel) && rel.Scheme is "http" or "https")
            return rel.AbsoluteUri;
        // javascript:, data: and unresolvable relatives are not links a reader may follow.
        return Uri.TryCreate(s, UriKind.Relative, out _) && baseUri is null ? s : "";
    }

    private static bool IsWebUrl(string id, Uri? baseUri) =>
        Uri.TryCreate(id, UriKind.Absolute, out var u) ? u.Scheme is "http" or "https" : baseUri is not null && id.StartsWith('/');

    private static string? Text(XElement? e) => e?.Value;

    /// <summary>Text for titles and names: tags removed, entities decoded, whitespace collapsed, NFC.</summary>
    internal static string PlainText(string? s)
    {
        if (string.IsNullOrEmpty(s))
            return "";
        string text = s.Contains('<') ? FeedHtml.ToText(s) : s.Contains('&') ? System.Net.WebUtility.HtmlDecode(s) : s;
        return Clean(text);
    }

    private static string Clean(string s)
    {
        var b = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = b.Length > 0;
                continue;
            }

            if (space)
                b.Append(' ');
            space = false;
            b.Append(c);
        }

        return b.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string FirstSentence(string message)
    {
        int dot = message.IndexOf(". ", StringComparison.Ordinal);
        return (dot > 0 ? message[..dot] : message).TrimEnd('.');
    }
}
