using System.Diagnostics;
using System.Text.Json;
using KannadaKit.Testing;
using KannadaKit.Testing.Net;
using KannadaKit.Testing.News;

namespace KannadaKit.Cli.Tests.Commands;

/// <summary><c>kannadakit news run</c> and <c>news summarize --model</c> as a user runs them, against fixture outlets on 127.0.0.1.</summary>
public sealed class NewsRunCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliRunner _cli = new();
    private LocalHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        NewsSites.Mount(_server, DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    private string FeedList() => _cli.Write("feeds.txt", "# fixture outlets\n" + string.Join('\n', NewsSites.FeedPaths.Select(p => _server.Url(p).AbsoluteUri)) + "\n");

    private CliRunner.Result Run(params string[] extra) =>
        _cli.Run("", ["news", "run", "--feeds", FeedList(), "--state", _cli.PathOf("news.db"), "--out", _cli.PathOf("digest"), "--host-interval", "0", .. extra]);

    [Fact]
    public void ARunWritesTheDigestAndASecondRunOnlyAsksWhetherFeedsChanged()
    {
        var first = Run("--allow-private");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("feeds: 3 (3 fetched, 0 not modified, 0 waiting, 0 failed); 6 new items", first.Text);
        Assert.Contains("articles: 5 fetched, 1 failed (1 shown with the feed's text)", first.Text);
        Assert.Contains("stories: 4 from 6 articles; 4 summarized now, 0 unchanged (4 extractive)", first.Text);
        foreach (var name in new[] { "index.html", "digest.json", "digest.atom", "digest.md" })
            Assert.True(File.Exists(_cli.PathOf(Path.Combine("digest", name))), name);
        using (var json = JsonDocument.Parse(File.ReadAllBytes(_cli.PathOf("digest/digest.json"))))
        {
            var stories = json.RootElement.GetProperty("stories");
            Assert.Equal(4, stories.GetArrayLength());
            var rain = stories.EnumerateArray().Single(s => s.GetProperty("sources").GetArrayLength() == 3);
            Assert.Equal("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", rain.GetProperty("headline").GetString());
            foreach (var source in rain.GetProperty("sources").EnumerateArray())
                foreach (var key in new[] { "url", "outlet", "title", "published" })
                    Assert.True(source.TryGetProperty(key, out _), key);
        }

        _server.Requests.Clear();
        var second = Run("--allow-private");
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("feeds: 3 (0 fetched, 3 not modified, 0 waiting, 0 failed); 0 new items", second.Text);
        Assert.Contains("articles: 0 fetched, 0 failed", second.Text);
        Assert.Contains("0 summarized now, 4 unchanged", second.Text);
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.True(r.IfNoneMatch is not null || r.IfModifiedSince is not null, r.Path));
    }

    [Fact]
    public void LoopbackFeedsAreRefusedWithoutAllowPrivateAndTheRunSaysSo()
    {
        var r = Run();
        Assert.Equal(1, r.ExitCode); // no feed answered
        Assert.Contains("3 failed", r.Text);
        var failures = r.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(3, failures.Length);
        Assert.All(failures, l => Assert.Contains("refused (allow them with --allow-private)", l));
        Assert.Empty(_server.Requests); // refused before any connection
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void BadArgumentsAreOneLineErrors()
    {
        _cli.Run("", "news", "run", "--feeds", _cli.PathOf("none.opml"), "--state", _cli.PathOf("s.db"), "--out", _cli.PathOf("o"))
            .AssertOneLineError("--feeds: ", "none.opml: no such file");
        string opml = _cli.Write("broken.opml", "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body><outline xmlUrl=\"https://a.example/rss\">\n");
        _cli.Run("", "news", "run", "--feeds", opml, "--state", _cli.PathOf("s.db"), "--out", _cli.PathOf("o")).AssertOneLineError("broken.opml");
        _cli.Run("", "news", "run", "--feeds", FeedList(), "--state", _cli.PathOf("s.db"), "--out", FeedList()).AssertOneLineError("--out: ", "is a file");
        string notState = _cli.Write("not-a-db.db", "this is not SQLite\n");
        _cli.Run("", "news", "run", "--feeds", FeedList(), "--state", notState, "--out", _cli.PathOf("o"), "--allow-private").AssertOneLineError("not-a-db.db");
        Assert.Equal("this is not SQLite\n", File.ReadAllText(notState)); // never overwritten
        _cli.Run("", "news", "run", "--feeds", FeedList(), "--state", _cli.PathOf("s.db"), "--out", _cli.PathOf("o"), "--model", _cli.PathOf("no-model"))
            .AssertOneLineError("no-model");
    }

    [PythonFact]
    public void TheReadmesDemoOutletsServeARunThatWorks()
    {
        // README: python3 tools/news/fixture-outlets.py --port 8090 --feeds-out feeds.txt, then news run over it.
        string feeds = _cli.PathOf("demo-feeds.txt");
        var psi = new ProcessStartInfo(PythonFactAttribute.Python!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(SharedData.RepoRoot, "tools", "news", "fixture-outlets.py"), "--port", "0", "--feeds-out", feeds })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        try
        {
            string? line = p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            Assert.StartsWith("serving 3 fixture outlets at http://127.0.0.1:", line);
            string[] run = ["news", "run", "--feeds", feeds, "--state", _cli.PathOf("demo.db"), "--out", _cli.PathOf("demo"), "--allow-private", "--host-interval", "0"];
            var first = _cli.Run("", run);
            Assert.True(first.ExitCode == 0, first.Stderr);
            Assert.Contains("stories: 4 from 6 articles; 4 summarized now", first.Text);
            var second = _cli.Run("", run);
            Assert.Contains("feeds: 3 (0 fetched, 3 not modified, 0 waiting, 0 failed)", second.Text);
        }
        finally
        {
            p.Kill();
            p.WaitForExit();
        }
    }

    [OnnxRuntimeFact]
    public void ARunWithAModelSummarizesThroughIt()
    {
        string model = SummaryModels.DecoderOnly(_cli.PathOf("tiny-chat"));
        var r = Run("--allow-private", "--model", model);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("kannadakit: summaries by model:tiny-chat: decoder-only", r.Stderr);
        Assert.Contains("4 summarized now, 0 unchanged (4 model:tiny-chat)", r.Text);
        using var json = JsonDocument.Parse(File.ReadAllBytes(_cli.PathOf("digest/digest.json")));
        Assert.All(json.RootElement.GetProperty("stories").EnumerateArray(), s => Assert.Equal(SummaryModels.Summary, s.GetProperty("summary").GetString()));
    }

    [OnnxRuntimeFact]
    public void SummarizeWithAModelPrintsItsHeadlineAndSummary()
    {
        string article = _cli.Write("article.txt", "ದಕ್ಷಿಣ ಕನ್ನಡ ಜಿಲ್ಲೆಯಲ್ಲಿ ಭಾರಿ ಮಳೆಯಾಗುತ್ತಿದೆ.\nಜಿಲ್ಲಾಧಿಕಾರಿ ಶಾಲೆಗಳಿಗೆ ರಜೆ ಘೋಷಿಸಿದ್ದಾರೆ.\n");
        var chat = _cli.Run("", "news", "summarize", article, "--model", SummaryModels.DecoderOnly(_cli.PathOf("chat")));
        Assert.True(chat.ExitCode == 0, chat.Stderr);
        Assert.Equal($"{SummaryModels.Headline}\n\n{SummaryModels.Summary}\n", chat.Text);

        var t5 = _cli.Run("", "news", "summarize", article, "--model", SummaryModels.EncoderDecoder(_cli.PathOf("t5")));
        Assert.True(t5.ExitCode == 0, t5.Stderr);
        Assert.Equal($"ದಕ್ಷಿಣ ಕನ್ನಡ ಜಿಲ್ಲೆಯಲ್ಲಿ ಭಾರಿ ಮಳೆಯಾಗುತ್ತಿದೆ.\n\n{SummaryModels.Summary}\n", t5.Text);

        var english = _cli.Run("", "news", "summarize", article, "--model", SummaryModels.DecoderOnly(_cli.PathOf("en"), english: true));
        Assert.Equal(0, english.ExitCode);
        Assert.Contains("article.txt: extractive (model:en gave no Kannada text)", english.Stderr);

        _cli.Run("", "news", "summarize", article, "--model", _cli.PathOf("chat"), "--device", "tpu").AssertOneLineError("--device: 'tpu'");
    }
}
