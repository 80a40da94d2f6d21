using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using KannadaKit.News.Digests;
using KannadaKit.News.Fetching;
using KannadaKit.News.Runs;
using KannadaKit.News.State;
using KannadaKit.News.Subscriptions;
using KannadaKit.Testing;
using KannadaKit.Testing.Net;
using KannadaKit.Testing.News;
using Microsoft.AspNetCore.Http;

namespace KannadaKit.News.Tests;

/// <summary>
/// Whole runs against fixture outlets on 127.0.0.1: one story per event across outlets, state that persists, a
/// second run that sends only conditional feed requests and fetches no page again (checked in the server's own
/// log), and hostile feeds and pages isolated while the run goes on.
/// </summary>
[Collection(RunsAlone.Name)] // the hostile run measures the process's allocations: no other test may run beside it
public sealed class NewsRunnerTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private LocalHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    private static HttpFetcher Fetcher(Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null, TimeSpan? timeout = null) =>
        new(new FetchOptions { AllowLoopback = true, PerHostInterval = TimeSpan.Zero, Resolve = resolve, Timeout = timeout ?? TimeSpan.FromSeconds(20) });

    private List<Subscription> Outlets() =>
    [
        new(_server.Url(NewsSites.FeedPaths[0]), "ಪ್ರಜಾವಾರ್ತೆ"),
        new(_server.Url(NewsSites.FeedPaths[1])), // the outlet's name comes from the feed's title
        new(_server.Url(NewsSites.FeedPaths[2]), "ಸುದ್ದಿ ಸಂಗಮ"),
    ];

    [Fact]
    public async Task TheSameEventFromThreeOutletsIsOneStoryAndTheSecondRunAsksOnlyWhetherFeedsChanged()
    {
        NewsSites.Mount(_server, DateTimeOffset.UtcNow);
        string statePath = _dir.File("news.db");
        NewsRunReport first;
        using (var state = NewsState.Open(statePath))
        using (var fetcher = Fetcher())
            first = await new NewsRunner(state, fetcher).RunAsync(Outlets());

        Assert.All(first.Feeds, f => Assert.Equal(FeedOutcomeKind.Fetched, f.Kind));
        Assert.Equal(6, first.Feeds.Sum(f => f.NewItems));
        Assert.Equal("ಕರಾವಳಿ ವಾರ್ತೆ", first.Feeds[1].Outlet);
        Assert.Equal(5, first.ArticlesFetched);
        var gone = Assert.Single(first.ArticleFailures); // the Dasara page is a 404; the feed's full text stands in
        Assert.EndsWith("/suddi/dasara-siddhate.html: HTTP 404 Not Found", gone.Message);
        Assert.True(gone.FeedTextUsed);

        var digest = first.Digest;
        Assert.Equal(4, digest.Stories.Count);
        var rain = Assert.Single(digest.Stories, s => s.Sources.Count > 1);
        Assert.Equal(["ಕರಾವಳಿ ವಾರ್ತೆ", "ಪ್ರಜಾವಾರ್ತೆ", "ಸುದ್ದಿ ಸಂಗಮ"], rain.Sources.Select(s => s.Outlet).Order(StringComparer.Ordinal));
        Assert.Equal("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", rain.Headline); // the fullest report is the representative
        Assert.EndsWith("/karavali/news/mangaluru-rain-holiday.html", rain.Sources[0].Url);
        Assert.StartsWith("ದಕ್ಷಿಣ ಕನ್ನಡ ಜಿಲ್ಲೆಯಲ್ಲಿ ಮಂಗಳವಾರ ರಾತ್ರಿಯಿಂದ ಭಾರಿ ಮಳೆಯಾಗುತ್ತಿದ್ದು", rain.Summary);
        Assert.DoesNotContain("ಇದನ್ನೂ ಓದಿ", rain.Summary);
        Assert.DoesNotContain("ಜಾಹೀರಾತು", rain.Summary);
        Assert.All(digest.Stories, s => Assert.Equal("extractive", s.Method));
        Assert.All(digest.Stories, s => Assert.InRange(Summaries.ExtractiveSummarizer.Sentences(s.Summary).Count, 2, 3));
        Assert.All(digest.Stories.SelectMany(s => s.Sources), s => Assert.NotNull(s.Published));
        var dasara = Assert.Single(digest.Stories, s => s.Headline == "ದಸರಾ ಸಿದ್ಧತೆ ಆರಂಭ");
        Assert.StartsWith("ಮೈಸೂರು: ಈ ಬಾರಿಯ ದಸರಾ ಮಹೋತ್ಸವಕ್ಕೆ", dasara.Summary);
        Assert.Contains("ನಡೆಯಲಿದೆ. ಜಂಬೂ", dasara.Summary); // the feed's paragraphs are not glued together
        // Newest first: the rain story's newest article is an hour old.
        Assert.Same(rain, digest.Stories[0]);

        // The state persists: a fresh process sees the same digest.
        using (var reopened = NewsState.Open(statePath, create: false))
        {
            var again = reopened.Digest();
            Assert.Equal(digest.Stories.Select(s => (s.Id, s.Headline, s.Summary, s.Sources.Count)), again.Stories.Select(s => (s.Id, s.Headline, s.Summary, s.Sources.Count)));
            Assert.Equal(5, reopened.Counts().Articles - reopened.Counts().FromFeed);
        }

        _server.Requests.Clear();
        NewsRunReport second;
        using (var state = NewsState.Open(statePath))
        using (var fetcher = Fetcher())
            second = await new NewsRunner(state, fetcher).RunAsync(Outlets());

        Assert.All(second.Feeds, f => Assert.Equal(FeedOutcomeKind.NotModified, f.Kind));
        Assert.Equal(0, second.ArticlesFetched);
        Assert.Equal(0, second.SummariesMade);
        var requests = _server.Requests.ToList();
        Assert.Equal(NewsSites.FeedPaths.Order(StringComparer.Ordinal), requests.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.All(requests, r => Assert.True(r.IfNoneMatch is not null || r.IfModifiedSince is not null, $"{r.Path} was not conditional"));
        Assert.Equal("\"pv-77\"", requests.Single(r => r.Path == "/prajavarthe/rss.xml").IfNoneMatch);
        Assert.NotNull(requests.Single(r => r.Path == "/karavali/atom.xml").IfModifiedSince);
        Assert.All(requests, r => Assert.StartsWith("KannadaKit-news/", r.UserAgent));
        Assert.Equal(digest.Stories.Select(s => (s.Id, s.Headline, s.Summary)), second.Digest.Stories.Select(s => (s.Id, s.Headline, s.Summary)));
    }

    [Fact]
    public async Task DigestFilesCarryEveryStoryWithItsSources()
    {
        NewsSites.Mount(_server, DateTimeOffset.UtcNow);
        using var state = NewsState.Open(_dir.File("news.db"));
        using var fetcher = Fetcher();
        var report = await new NewsRunner(state, fetcher).RunAsync(Outlets());
        string outDir = _dir.File("out");
        DigestFiles.Write(outDir, report.Digest);

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "digest.json")));
        Assert.True(json.RootElement.GetProperty("generated").GetString()!.EndsWith('Z'));
        var stories = json.RootElement.GetProperty("stories").EnumerateArray().ToList();
        Assert.Equal(4, stories.Count);
        foreach (var s in stories)
        {
            Assert.False(string.IsNullOrEmpty(s.GetProperty("headline").GetString()));
            Assert.False(string.IsNullOrEmpty(s.GetProperty("summary").GetString()));
            foreach (var src in s.GetProperty("sources").EnumerateArray())
            {
                Assert.StartsWith(_server.Address.AbsoluteUri, src.GetProperty("url").GetString());
                Assert.False(string.IsNullOrEmpty(src.GetProperty("outlet").GetString()));
                Assert.False(string.IsNullOrEmpty(src.GetProperty("title").GetString()));
                Assert.EndsWith("Z", src.GetProperty("published").GetString());
            }
        }

        Assert.Equal(3, stories[0].GetProperty("sources").GetArrayLength());

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Load(Path.Combine(outDir, "digest.atom")).Root!;
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal(4, entries.Count);
        Assert.Equal(report.Digest.Stories[0].Headline, (string?)entries[0].Element(atom + "title"));
        Assert.Equal(3, entries[0].Elements(atom + "link").Count());
        Assert.Equal(entries.Count, entries.Select(e => (string?)e.Element(atom + "id")).Distinct().Count());
        // The Atom digest parses with our own feed parser, as a reader would see it.
        var parsed = new Feeds.FeedParser().Parse(File.ReadAllBytes(Path.Combine(outDir, "digest.atom")));
        Assert.Equal(report.Digest.Stories.Select(s => s.Headline), parsed.Entries.Select(e => e.Title));

        string html = File.ReadAllText(Path.Combine(outDir, "index.html"));
        Assert.Contains("<html lang=\"kn\">", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.Contains("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", html);
        Assert.Contains("ಮೂಲಗಳು (3)", html);
        string md = File.ReadAllText(Path.Combine(outDir, "digest.md"));
        Assert.Contains("## ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", md);
        Assert.Equal(DigestFiles.Names.Order(), Directory.GetFiles(outDir).Select(Path.GetFileName).Order()); // no temporary files left
    }

    [Fact]
    public async Task HostileFeedsAndPagesAreIsolatedAndTheRunGoesOn()
    {
        NewsSites.Mount(_server, DateTimeOffset.UtcNow);
        string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "feeds", name));
        _server.On("/bad/truncated.xml", ctx => ctx.Response.WriteAsync(Fixture("truncated.xml")));
        _server.On("/bad/xxe.xml", ctx => ctx.Response.WriteAsync(Fixture("hostile-xxe.xml")));
        _server.On("/bad/laughs.xml", ctx => ctx.Response.WriteAsync(Fixture("hostile-laughs.xml")));
        byte[] bomb;
        using (var ms = new MemoryStream())
        {
            using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var zeros = new byte[1 << 20];
                for (int i = 0; i < 64; i++)
                    gz.Write(zeros);
            }

            bomb = ms.ToArray();
        }

        _server.On("/bad/bomb.xml", async ctx =>
        {
            ctx.Response.Headers.ContentEncoding = "gzip";
            ctx.Response.ContentType = "application/rss+xml";
            await ctx.Response.Body.WriteAsync(bomb);
        });
        _server.On("/bad/to-file", ctx => { ctx.Response.Redirect("file:///etc/passwd"); return Task.CompletedTask; });
        _server.On("/bad/to-intranet", ctx => { ctx.Response.Redirect("http://intranet.example/feed.xml"); return Task.CompletedTask; });
        _server.On("/bad/slow.xml", async ctx => await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted));
        // A feed whose server says Latin-1 for UTF-8 Kannada, linking a 50 MB page (declared), a 50 MB page
        // (streamed without a length) and a page that redirects to file://.
        long streamed = 0;
        _server.On("/bad/wrong-charset.xml", ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml; charset=iso-8859-1";
            string b = _server.Address.AbsoluteUri;
            return ctx.Response.WriteAsync($"""
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>ಗಡಿನಾಡು ಸುದ್ದಿ</title><link>{b}</link>
                <item><title>ದೊಡ್ಡ ಪುಟ</title><link>{b}bad/huge-declared.html</link><guid>h1</guid></item>
                <item><title>ಹರಿಯುವ ಪುಟ</title><link>{b}bad/huge-streamed.html</link><guid>h2</guid></item>
                <item><title>ಕಡತಕ್ಕೆ ತಿರುವು</title><link>{b}bad/page-to-file.html</link><guid>h3</guid></item>
                </channel></rss>
                """, Encoding.UTF8);
        });
        _server.On("/bad/huge-declared.html", ctx => { ctx.Response.ContentLength = 50L * 1024 * 1024; return ctx.Response.Body.WriteAsync(new byte[1024]).AsTask(); });
        _server.On("/bad/huge-streamed.html", async ctx =>
        {
            ctx.Response.ContentType = "text/html";
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>ಮಳೆ ಮಳೆ ಮಳೆ</p>", 2000)));
            try
            {
                while (streamed < 50L * 1024 * 1024 && !ctx.RequestAborted.IsCancellationRequested)
                {
                    await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                    Interlocked.Add(ref streamed, chunk.Length);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        _server.On("/bad/page-to-file.html", ctx => { ctx.Response.Redirect("file:///etc/shadow"); return Task.CompletedTask; });

        var feeds = Outlets();
        foreach (var path in new[] { "/bad/truncated.xml", "/bad/xxe.xml", "/bad/laughs.xml", "/bad/bomb.xml", "/bad/to-file", "/bad/to-intranet", "/bad/slow.xml", "/bad/wrong-charset.xml" })
            feeds.Add(new Subscription(_server.Url(path)));
        int privateLookups = 0;
        Task<IPAddress[]> Resolve(string host, CancellationToken _)
        {
            if (host == "intranet.example")
            {
                Interlocked.Increment(ref privateLookups);
                return Task.FromResult(new[] { IPAddress.Parse("10.20.30.40") });
            }

            return Task.FromResult(Array.Empty<IPAddress>());
        }

        string statePath = _dir.File("news.db");
        long before = GC.GetTotalAllocatedBytes();
        NewsRunReport report;
        using (var state = NewsState.Open(statePath))
        using (var fetcher = Fetcher(Resolve, TimeSpan.FromSeconds(2)))
            report = await new NewsRunner(state, fetcher).RunAsync(feeds);
        long allocated = GC.GetTotalAllocatedBytes() - before;

        string Outcome(string path) => report.Feeds.Single(f => f.Url.EndsWith(path, StringComparison.Ordinal)) is var f ? $"{f.Kind}: {f.Message}" : "";
        Assert.Matches(@"^Failed: .*/bad/truncated\.xml: line \d+", Outcome("/bad/truncated.xml"));
        Assert.Contains("entit", Outcome("/bad/xxe.xml"));
        Assert.Contains("entit", Outcome("/bad/laughs.xml"));
        Assert.Contains("(after decompression)", Outcome("/bad/bomb.xml"));
        Assert.Contains("redirect to file:///etc/passwd refused", Outcome("/bad/to-file"));
        Assert.StartsWith("Failed:", Outcome("/bad/to-intranet"));
        Assert.Contains("private", Outcome("/bad/to-intranet"));
        Assert.Equal(1, privateLookups); // looked up, refused, never connected
        Assert.Contains("no complete answer within 2 s", Outcome("/bad/slow.xml"));
        Assert.Equal("Fetched: ", Outcome("/bad/wrong-charset.xml"));
        Assert.Equal("ಗಡಿನಾಡು ಸುದ್ದಿ", report.Feeds.Single(f => f.Url.EndsWith("/bad/wrong-charset.xml", StringComparison.Ordinal)).Outlet);
        Assert.All(report.Feeds.Where(f => f.Kind == FeedOutcomeKind.Failed), f => Assert.True(f.NextAttempt > DateTimeOffset.UtcNow.AddMinutes(4)));

        var failedPages = report.ArticleFailures.ToDictionary(f => new Uri(f.Url).AbsolutePath, f => f.Message);
        Assert.Contains("52,428,800 bytes declared", failedPages["/bad/huge-declared.html"]);
        Assert.Contains("more than the 10,485,760-byte limit", failedPages["/bad/huge-streamed.html"]);
        Assert.Contains("redirect to file:///etc/shadow refused", failedPages["/bad/page-to-file.html"]);
        // A 64 MB bomb and two 50 MB pages never sit in memory: reading any one of them whole would pass this
        // (the whole run allocates about 90 MB). The server cannot tell how much the client read: once the client
        // hangs up, Kestrel discards further writes without failing them.
        Assert.True(allocated < 160L << 20, $"{allocated:N0} bytes allocated");

        // The good outlets' run went on: the same digest as without the hostile feeds.
        Assert.Equal(4, report.Digest.Stories.Count);
        Assert.Equal(3, report.Digest.Stories[0].Sources.Count);

        // Next run: the failed feeds back off and are not asked at all; the failed pages wait their turn.
        _server.Requests.Clear();
        using (var state = NewsState.Open(statePath))
        using (var fetcher = Fetcher(Resolve, TimeSpan.FromSeconds(2)))
            report = await new NewsRunner(state, fetcher).RunAsync(feeds);
        Assert.Equal(7, report.Feeds.Count(f => f.Kind == FeedOutcomeKind.Waiting));
        Assert.Contains("backing off after 1 failure", report.Feeds.First(f => f.Kind == FeedOutcomeKind.Waiting).Message);
        Assert.DoesNotContain(_server.Requests, r => r.Path.StartsWith("/bad/", StringComparison.Ordinal) && r.Path != "/bad/wrong-charset.xml");
    }
}
