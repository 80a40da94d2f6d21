using System.Text.Json;
using KannadaKit.Testing;

namespace KannadaKit.Cli.Tests.Commands;

public sealed class NewsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Feed(string name) => Path.Combine(SharedData.RepoRoot, "tests", "KannadaKit.News.Tests", "Fixtures", "feeds", name);

    [Fact]
    public void FeedParseJsonHasTheFieldsTheIssueNames()
    {
        var r = _cli.Run("", "news", "feed", "parse", Feed("rss20-wordpress-kn.xml"), "--json", "--url", "https://karavali.example/feed/");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var feed = JsonDocument.Parse(r.Text).RootElement;
        foreach (var key in new[] { "title", "link", "id", "author", "updated", "published", "entries" })
            Assert.True(feed.TryGetProperty(key, out _), key);
        Assert.Equal("2026-12-02T04:45:00Z", feed.GetProperty("updated").GetString());
        Assert.Equal(JsonValueKind.Null, feed.GetProperty("published").ValueKind);
        var first = feed.GetProperty("entries")[0];
        foreach (var key in new[] { "title", "link", "id", "summary", "content", "author", "published", "updated" })
            Assert.True(first.TryGetProperty(key, out _), key);
        Assert.Equal("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", first.GetProperty("title").GetString());
        Assert.Equal("2026-12-02T04:10:00Z", first.GetProperty("published").GetString());
        Assert.DoesNotContain("<script", first.GetProperty("content").GetString());

        // Standard input works too, and the text listing shows one line per entry.
        var text = _cli.Run(File.ReadAllText(Feed("rss10-rdf.xml")), "news", "feed", "parse", "-");
        Assert.Equal(0, text.ExitCode);
        Assert.Equal(3, text.Text.TrimEnd('\n').Split('\n').Length);
        Assert.StartsWith("ಆರ್\u200cಡಿಎಫ್ ವಾರ್ತೆ (rss10, 2 entries)", text.Text);
    }

    [Fact]
    public void ExtractPrintsTheFieldsTheIssueNames()
    {
        string page = Path.Combine(SharedData.RepoRoot, "tests", "KannadaKit.News.Tests", "Fixtures", "pages", "karavali-rain.html");
        var r = _cli.Run("", "news", "extract", page, "--url", "https://karavali.example/2026/12/02/mangaluru-rain/", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var a = JsonDocument.Parse(r.Text).RootElement;
        Assert.Equal("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", a.GetProperty("title").GetString());
        Assert.Equal("ಸುದ್ದಿ ಬ್ಯೂರೋ", a.GetProperty("byline").GetString());
        Assert.Equal("2026-12-02T04:10:00Z", a.GetProperty("published").GetString());
        Assert.Equal("https://karavali.example/wp-content/uploads/2026/12/rain.jpg", a.GetProperty("lead_image").GetString());
        Assert.DoesNotContain("ಇದನ್ನೂ ಓದಿ", a.GetProperty("text").GetString());
        _cli.Run("<html><body></body></html>", "news", "extract", "-").AssertOneLineError("<stdin>: no readable article text on the page");
    }

    [Fact]
    public void SummarizeGivesTheLeadAndWhatIsNew()
    {
        string article = Path.Combine(SharedData.RepoRoot, "tests", "KannadaKit.News.Tests", "Fixtures", "articles", "mangaluru-rain.txt");
        var r = _cli.Run("", "news", "summarize", article, "--sentences", "2");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Text.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("ಮಂಗಳೂರು: ದಕ್ಷಿಣ ಕನ್ನಡ ಜಿಲ್ಲೆಯಲ್ಲಿ", lines[0]);
        _cli.Run("", "news", "summarize", article, "--sentences", "0").AssertOneLineError("--sentences: at least 1");
        var empty = _cli.Run("\n\n", "news", "summarize", "-");
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("<stdin>: no sentences to summarize", empty.Stderr);
    }

    [Fact]
    public void BadFeedsAreOneLineErrorsNamingTheFile()
    {
        _cli.Run("", "news", "feed", "parse", Feed("hostile-xxe.xml")).AssertOneLineError("hostile-xxe.xml: line 2: the document type declares entities");
        _cli.Run("", "news", "feed", "parse", Feed("truncated.xml")).AssertOneLineError("truncated.xml: line ", "not well-formed XML");
        _cli.Run("", "news", "feed", "parse", Feed("not-a-feed.html")).AssertOneLineError("not a feed");
        _cli.Run("", "news", "feed", "parse", _cli.PathOf("missing.xml")).AssertOneLineError("missing.xml: no such file");
        _cli.Run("", "news", "feed", "parse", Feed("rss090.xml"), "--url", "file:///etc/passwd").AssertOneLineError("--url: 'file:///etc/passwd' is not an http or https URL");
    }
}
