using KannadaKit.News.Subscriptions;
using KannadaKit.Testing;

namespace KannadaKit.News.Tests;

public sealed class SubscriptionListTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "opml", name);

    [Fact]
    public void OpmlFromAReaderWithNestedFoldersAndDuplicates()
    {
        var list = SubscriptionList.Load(Fixture("miniflux-export.opml"));
        Assert.Equal(3, list.Count);
        Assert.Equal(new Subscription(new Uri("https://karavali.example/feed/"), "ಕರಾವಳಿ ವಾರ್ತೆ", "https://karavali.example/", "ಸುದ್ದಿ"), list[0]);
        Assert.Equal(("ಮೈಸೂರು", "ಸುದ್ದಿ / ಜಿಲ್ಲೆ"), (list[1].Title, list[1].Category));
        Assert.Equal("World", list[2].Category);
    }

    [Fact]
    public void OpmlRoundTrips()
    {
        var list = SubscriptionList.Load(Fixture("miniflux-export.opml"));
        var again = SubscriptionList.ParseOpml(SubscriptionList.ToOpml(list, "ನನ್ನ ಫೀಡ್‌ಗಳು"), "written.opml");
        Assert.Equal(list, again);
    }

    [Fact]
    public void TextListsTakeAUrlAndATitlePerLine()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("feeds.txt"), "# my feeds\nhttps://a.example/feed  ಎ ಪತ್ರಿಕೆ\n\nhttp://b.example/rss\n");
        var list = SubscriptionList.Load(dir.File("feeds.txt"));
        Assert.Equal([new Subscription(new Uri("https://a.example/feed"), "ಎ ಪತ್ರಿಕೆ"), new Subscription(new Uri("http://b.example/rss"))], list);
        File.WriteAllText(dir.File("bad.txt"), "https://a.example/feed\nftp://b.example/rss\n");
        Assert.Equal($"{dir.File("bad.txt")}: line 2: 'ftp://b.example/rss' is not an http or https URL (expected: URL [title])",
            Assert.Throws<SubscriptionException>(() => SubscriptionList.Load(dir.File("bad.txt"))).Message);
    }

    [Fact]
    public void BadOpmlNamesTheLine()
    {
        var e = Assert.Throws<SubscriptionException>(() => SubscriptionList.ParseOpml("<opml><body>\n<outline xmlUrl=\"javascript:alert(1)\"/></body></opml>", "x.opml"));
        Assert.Equal("x.opml: line 2: xmlUrl 'javascript:alert(1)' is not an http or https URL", e.Message);
        Assert.Contains("x.opml: line 1", Assert.Throws<SubscriptionException>(() => SubscriptionList.ParseOpml("<opml><body>", "x.opml")).Message);
        Assert.Contains("DTD", Assert.Throws<SubscriptionException>(() => SubscriptionList.ParseOpml("<!DOCTYPE opml [<!ENTITY x \"y\">]><opml/>", "x.opml")).Message);
    }

    [Fact]
    public void TheDefaultListNamesKannadaOutletsWithTheirQuirks()
    {
        var list = SubscriptionList.Default();
        Assert.True(list.Count >= 9);
        Assert.Contains(list, s => s.Title == "ಟಿವಿ9 ಕನ್ನಡ" && s.Note.Contains("content:encoded"));
        Assert.All(list, s => Assert.Equal("https", s.FeedUrl.Scheme));
        Assert.Equal(9, list.Count(s => s.Category == "ಕನ್ನಡ ಸುದ್ದಿ"));
    }
}
