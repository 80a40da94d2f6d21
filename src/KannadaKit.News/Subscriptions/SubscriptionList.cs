using System.Reflection;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace KannadaKit.News.Subscriptions;

/// <summary>
/// Feed lists: OPML 1.0/2.0 (what Miniflux, FreshRSS and every reader import and export; nested outlines become
/// categories) and plain text (one URL per line, optionally a title after it; <c>#</c> comments). Only http and https
/// feeds are kept; duplicates are dropped. The bundled default lists Kannada outlets with their known quirks.
/// </summary>
public static class SubscriptionList
{
    /// <summary>Reads <paramref name="path"/>, OPML or text, told apart by content.</summary>
    /// <exception cref="SubscriptionException">Not readable as either; the message names the file and line.</exception>
    public static IReadOnlyList<Subscription> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = File.ReadAllText(path, Encoding.UTF8);
        return text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<') ? ParseOpml(text, path) : ParseText(text, path);
    }

    /// <summary>The bundled list of Kannada outlets' feeds (OPML).</summary>
    public static IReadOnlyList<Subscription> Default() => ParseOpml(DefaultOpml(), "kannada-feeds.opml");

    /// <summary>The bundled list as OPML text.</summary>
    public static string DefaultOpml()
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("KannadaKit.News.Subscriptions.kannada-feeds.opml")
            ?? throw new InvalidOperationException("the bundled feed list is missing from the assembly");
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }

    /// <summary>Parses OPML; <paramref name="name"/> is used in messages.</summary>
    public static IReadOnlyList<Subscription> ParseOpml(string opml, string name)
    {
        ArgumentNullException.ThrowIfNull(opml);
        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(opml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            root = XDocument.Load(reader, LoadOptions.SetLineInfo).Root!;
        }
        catch (XmlException e)
        {
            throw new SubscriptionException($"{name}: line {e.LineNumber}, column {e.LinePosition}: not well-formed OPML ({e.Message.Split(". ")[0].TrimEnd('.')})", e);
        }

        if (root.Name.LocalName != "opml" || root.Element("body") is not { } body)
            throw new SubscriptionException($"{name}: not OPML (expected <opml> with a <body>, found <{root.Name.LocalName}>)");
        var list = new List<Subscription>();
        void Walk(XElement parent, string category)
        {
            foreach (var o in parent.Elements("outline"))
            {
                string label = ((string?)o.Attribute("title") ?? (string?)o.Attribute("text") ?? "").Trim();
                string? xmlUrl = (string?)o.Attribute("xmlUrl") ?? (string?)o.Attribute("xmlurl");
                if (xmlUrl is null)
                {
                    Walk(o, category.Length == 0 ? label : $"{category} / {label}");
                    continue;
                }

                int line = ((IXmlLineInfo)o).LineNumber;
                if (!Uri.TryCreate(xmlUrl.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                    throw new SubscriptionException($"{name}: line {line}: xmlUrl '{xmlUrl}' is not an http or https URL");
                string cat = (string?)o.Attribute("category") is { Length: > 0 } c ? c.Trim() : category;
                list.Add(new Subscription(url, label, ((string?)o.Attribute("htmlUrl") ?? "").Trim(), cat, ((string?)o.Attribute("description") ?? "").Trim()));
            }
        }

        Walk(body, "");
        return [.. list.DistinctBy(s => s.FeedUrl.AbsoluteUri)];
    }

    /// <summary>Parses a text list; <paramref name="name"/> is used in messages.</summary>
    public static IReadOnlyList<Subscription> ParseText(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<Subscription>();
        int n = 0;
        foreach (var raw in text.Split('\n'))
        {
            n++;
            string line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            int space = line.IndexOfAny([' ', '\t']);
            string url = space < 0 ? line : line[..space], title = space < 0 ? "" : line[(space + 1)..].Trim();
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
                throw new SubscriptionException($"{name}: line {n}: '{url}' is not an http or https URL (expected: URL [title])");
            list.Add(new Subscription(u, title));
        }

        return [.. list.DistinctBy(s => s.FeedUrl.AbsoluteUri)];
    }

    /// <summary>Writes OPML 2.0, one folder per category.</summary>
    public static string ToOpml(IEnumerable<Subscription> subscriptions, string title)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var body = new XElement("body");
        foreach (var group in subscriptions.GroupBy(s => s.Category, StringComparer.Ordinal))
        {
            var outlines = group.Select(s => new XElement("outline",
                new XAttribute("type", "rss"), new XAttribute("text", s.Title.Length > 0 ? s.Title : s.FeedUrl.Host), new XAttribute("title", s.Title),
                new XAttribute("xmlUrl", s.FeedUrl.AbsoluteUri),
                s.SiteUrl.Length > 0 ? new XAttribute("htmlUrl", s.SiteUrl) : null,
                s.Note.Length > 0 ? new XAttribute("description", s.Note) : null));
            if (group.Key.Length == 0)
                body.Add(outlines);
            else
                body.Add(new XElement("outline", new XAttribute("text", group.Key), outlines));
        }

        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"), new XElement("head", new XElement("title", title)), body));
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new StringWriter(sb), new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
            doc.Save(w);
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }
}
