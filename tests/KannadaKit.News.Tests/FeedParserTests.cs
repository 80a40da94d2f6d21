using System.Text;
using KannadaKit.News.Feeds;
using KannadaKit.News.Json;

namespace KannadaKit.News.Tests;

/// <summary>Hand-checked expectations for fixtures in each dialect, written in the shapes real feeds take.</summary>
public class FeedParserTests
{
    private static readonly FeedParser s_parser = new();

    private static Feed Parse(string name, string? location = null) =>
        s_parser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "feeds", name)), location is null ? null : new Uri(location));

    private static string Iso(DateTimeOffset? d) => d is { } v ? NewsJsonWriter.Iso(v) : "null";

    [Fact]
    public void Rss20FromAKannadaWordPressSite()
    {
        var feed = Parse("rss20-wordpress-kn.xml", "https://karavali.example/feed/");
        Assert.Equal(FeedFormat.Rss20, feed.Format);
        Assert.Equal("ಕರಾವಳಿ ವಾರ್ತೆ – ಕನ್ನಡ ಸುದ್ದಿ", feed.Title); // &#8211; is an en dash
        Assert.Equal("https://karavali.example/", feed.Link);
        Assert.Equal("ಕರಾವಳಿ &amp; ಮಲೆನಾಡಿನ ತಾಜಾ ಸುದ್ದಿ", feed.Subtitle);
        Assert.Equal("kn-IN", feed.Language);
        Assert.Equal(new FeedAuthor("ಸುದ್ದಿ ಮೇಜು", "desk@karavali.example"), feed.Author);
        Assert.Equal("2026-12-02T04:45:00Z", Iso(feed.Updated));
        Assert.Equal(3, feed.Entries.Count);

        var rain = feed.Entries[0];
        Assert.Equal("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", rain.Title);
        Assert.Equal("https://karavali.example/2026/12/02/mangaluru-rain/", rain.Link);
        Assert.Equal("https://karavali.example/?p=10231", rain.Id);
        Assert.Equal("ಸುದ್ದಿ ಬ್ಯೂರೋ", rain.Author!.Name);
        Assert.Equal("2026-12-02T04:10:00Z", Iso(rain.Published));
        Assert.Equal(["ಕರಾವಳಿ", "ಮಳೆ"], rain.Categories);
        Assert.Equal("<p>ದಕ್ಷಿಣ ಕನ್ನಡ ಜಿಲ್ಲೆಯಲ್ಲಿ ಭಾರಿ ಮಳೆ…</p>", rain.Summary);
        // Sanitized: no script, iframe, event handler or javascript: link; relative URLs made absolute.
        Assert.Contains("<img src=\"https://karavali.example/wp-content/uploads/2026/12/rain.jpg\" alt=\"ಮಳೆ\">", rain.Content);
        Assert.Contains("<a href=\"https://karavali.example/2026/12/01/udupi/\">ಉಡುಪಿಯಲ್ಲೂ ಮಳೆ</a>", rain.Content);
        foreach (var bad in new[] { "<script", "track()", "<iframe", "onerror", "javascript:" })
            Assert.DoesNotContain(bad, rain.Content);
        Assert.Equal("https://karavali.example/wp-content/uploads/2026/12/rain.jpg", Assert.Single(rain.Enclosures).Url);

        var fishing = feed.Entries[1];
        Assert.Equal("ಉಡುಪಿ & ಕುಂದಾಪುರ: ಮೀನುಗಾರಿಕೆಗೆ ನಿಷೇಧ", fishing.Title);
        Assert.Equal(new FeedAuthor("ಸಂಪಾದಕ", "editor@karavali.example"), fishing.Author);
        Assert.Equal("2026-12-02T02:35:00Z", Iso(fishing.Published));
        Assert.Equal("ಕಡಲು ಪ್ರಕ್ಷುಬ್ಧ <b>ಎಚ್ಚರಿಕೆ</b>", fishing.Summary); // escaped HTML in a plain description
        Assert.Equal(new FeedEnclosure("https://karavali.example/audio/udupi.mp3", "audio/mpeg", 123456), Assert.Single(fishing.Enclosures));
        Assert.Equal("", fishing.Content);

        // No <link>: a permalink guid stands in for it.
        Assert.Equal("https://karavali.example/?p=10229", feed.Entries[2].Link);
        Assert.Null(feed.Entries[2].Published);
    }

    [Fact]
    public void Rss091WithTheNetscapeDoctypeAndHtmlEntities()
    {
        var feed = Parse("rss091-netscape.xml");
        Assert.Equal(FeedFormat.Rss09x, feed.Format);
        Assert.Equal("Old Wire © 2001", feed.Title); // &nbsp; becomes a space in plain text
        Assert.Equal("News — café edition", feed.Subtitle);
        var item = Assert.Single(feed.Entries);
        Assert.Equal("AT&T & friends", item.Title); // a bare & is text, not an error
        Assert.Equal("One&nbsp;two ½ &amp;bogus; end", item.Summary); // an unknown entity stays as text
        Assert.Equal("http://wire.example/1.html", item.Id);
    }

    [Fact]
    public void TheDeclaredCharsetDecodesLatin1()
    {
        var feed = Parse("rss092-latin1.xml");
        Assert.Equal("Café feed", feed.Title);
        Assert.Equal("Crème brûlée", Assert.Single(feed.Entries).Title);
    }

    [Fact]
    public void TheHttpCharsetWinsOverTheDeclaration()
    {
        // Declared UTF-8, served as windows-1252 by a server that knows better.
        byte[] doc = [.. Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Caf"), 0xE9,
            .. Encoding.ASCII.GetBytes("</title></channel></rss>")];
        Assert.Equal("Café", s_parser.Parse(doc, null, "windows-1252").Title);
        // And with no charset anywhere, bytes that are not UTF-8 fall back to windows-1252, as feedparser does.
        Assert.Equal("Café", s_parser.Parse(doc.AsSpan(38).ToArray().Prepend((byte)' ').ToArray()).Title);
    }

    [Fact]
    public void Rss10RdfWithDublinCore()
    {
        var feed = Parse("rss10-rdf.xml");
        Assert.Equal(FeedFormat.Rss10, feed.Format);
        Assert.Equal("ಆರ್\u200cಡಿಎಫ್ ವಾರ್ತೆ", feed.Title); // the ZWNJ stays
        Assert.Equal("kn", feed.Language);
        Assert.Equal("2026-12-02T04:30:00Z", Iso(feed.Updated));
        Assert.Equal(2, feed.Entries.Count);
        var a = feed.Entries[0];
        Assert.Equal(("ಮೊದಲ ಸುದ್ದಿ", "https://rdf.example/a", "ಲೇಖಕಿ ಒಬ್ಬರು"), (a.Title, a.Link, a.Author!.Name));
        Assert.Equal(("2026-12-02T03:30:00Z", "2026-12-02T03:30:00Z"), (Iso(a.Published), Iso(a.Updated)));
        Assert.Equal(["ರಾಜ್ಯ"], a.Categories);
        var b = feed.Entries[1];
        Assert.Equal(("2026-12-01T20:00:00Z", "2026-12-02T08:30:00Z"), (Iso(b.Published), Iso(b.Updated)));
    }

    [Fact]
    public void Rss090()
    {
        var feed = Parse("rss090.xml");
        Assert.Equal(FeedFormat.Rss090, feed.Format);
        Assert.Equal("Mozilla Dot Org", feed.Title);
        Assert.Equal(("New Status Updates", "http://www.mozilla.org/status/"), (feed.Entries[0].Title, feed.Entries[0].Link));
    }

    [Fact]
    public void Atom10WithXmlBaseTextConstructsAndInheritedAuthor()
    {
        var feed = Parse("atom10-xmlbase.xml", "https://elsewhere.example/x.atom");
        Assert.Equal(FeedFormat.Atom10, feed.Format);
        Assert.Equal("ಬೆಂಗಳೂರು ನಗರ", feed.Title); // type="html": markup removed from the title
        Assert.Equal("ನಗರದ ಸುದ್ದಿ &lt;ಪಠ್ಯ&gt;", feed.Subtitle); // type="text": shown as text
        Assert.Equal("https://atom.example/", feed.Link); // "../" against xml:base
        Assert.Equal("tag:atom.example,2026:feed", feed.Id);
        Assert.Equal("kn", feed.Language);
        Assert.Equal(new FeedAuthor("ನಗರ ಡೆಸ್ಕ್", "city@atom.example", "https://atom.example/"), feed.Author);

        var metro = feed.Entries[0];
        Assert.Equal("https://atom.example/news/2026/metro-yellow", metro.Link);
        Assert.Equal("2026-12-02T04:00:00Z", Iso(metro.Published));
        Assert.Equal("2026-12-02T04:30:00Z", Iso(metro.Updated));
        Assert.Equal(["ಸಾರಿಗೆ"], metro.Categories);
        Assert.Equal("<p>ಹಳದಿ ಮಾರ್ಗ <a href=\"https://atom.example/news/lines/yellow\">ವಿವರ</a></p>", metro.Summary);
        // xhtml content: the div's children, its own xml:base for links, script removed.
        Assert.Contains("<a href=\"https://atom.example/news/2026/map.html\">ನಕ್ಷೆ</a>", metro.Content);
        Assert.DoesNotContain("script", metro.Content);
        Assert.Equal(new FeedEnclosure("https://atom.example/img/metro.jpg", "image/jpeg", 2048), Assert.Single(metro.Enclosures));
        Assert.Equal(feed.Author, metro.Author); // no author of its own: the feed's

        var text = feed.Entries[1];
        Assert.Equal("ಪಠ್ಯ <ಶೀರ್ಷಿಕೆ>", text.Title);
        Assert.Equal("ಮೊದಲ ಸಾಲು &lt;b&gt;ದಪ್ಪ ಅಲ್ಲ&lt;/b&gt;", text.Content);
        Assert.Equal("ಅತಿಥಿ", text.Author!.Name);
        Assert.Equal(("null", "2026-12-01T12:00:00Z"), (Iso(text.Published), Iso(text.Updated))); // no <published>: unknown, not guessed
    }

    [Fact]
    public void Atom03EscapedAndBase64()
    {
        var feed = Parse("atom03.xml");
        Assert.Equal(FeedFormat.Atom03, feed.Format);
        Assert.Equal("old but alive", feed.Subtitle);
        Assert.Equal("http://old-atom.example/", feed.Link);
        Assert.Equal("2003-12-13T18:30:02Z", Iso(feed.Updated));
        Assert.Equal("http://old-atom.example/mark", feed.Author!.Uri);
        Assert.Equal("<p>Hello <b>world</b></p>", feed.Entries[0].Content);
        Assert.Equal("2003-12-13T12:29:29Z", Iso(feed.Entries[0].Published));
        Assert.Equal("<p>ಕನ್ನಡ</p>", feed.Entries[1].Summary);
    }

    [Theory]
    [InlineData("hostile-xxe.xml", "line 2: the document type declares entities; refused")]
    [InlineData("hostile-laughs.xml", "line 3: the document type declares entities; refused")]
    [InlineData("not-a-feed.html", "the root element is <html>, not a feed")]
    [InlineData("truncated.xml", "not well-formed XML")]
    public void HostileAndBrokenDocumentsGiveOneClearLine(string name, string message)
    {
        var e = Assert.Throws<FeedParseException>(() => Parse(name));
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void OversizedDocumentsAreRefusedBeforeParsing()
    {
        var small = new FeedParser(new FeedParserOptions { MaxBytes = 1000 });
        var e = Assert.Throws<FeedParseException>(() => small.Parse(new byte[1001]));
        Assert.Equal("1,001 bytes; feeds over 1,000 bytes are refused", e.Message);
    }

    [Fact]
    public void RssAuthorsInEveryShape()
    {
        Assert.Equal(new FeedAuthor("Jo Doe", "jo@example.com"), FeedParser.RssAuthor("jo@example.com (Jo Doe)"));
        Assert.Equal(new FeedAuthor("Jo Doe", "jo@example.com"), FeedParser.RssAuthor("\"Jo Doe\" <jo@example.com>"));
        Assert.Equal(new FeedAuthor("", "jo@example.com"), FeedParser.RssAuthor("mailto:jo@example.com"));
        Assert.Equal(new FeedAuthor("ಸುದ್ದಿ ಬ್ಯೂರೋ"), FeedParser.RssAuthor("  ಸುದ್ದಿ   ಬ್ಯೂರೋ "));
        Assert.Null(FeedParser.RssAuthor(" "));
    }
}
