using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using KannadaKit.News.State;
using KannadaKit.Testing;
using KannadaKit.Testing.News;

namespace KannadaKit.Web.Tests;

/// <summary><c>news serve</c>: the digest of a real run over fixture outlets, served fresh with ETags.</summary>
public sealed class NewsServerTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private NewsServer? _server;

    private string StatePath => _dir.File("news.db");

    public async Task InitializeAsync()
    {
        await NewsSites.RunOnceAsync(StatePath);

        _server = NewsServer.Create(new NewsServerOptions { StatePath = StatePath, Port = 0 });
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        Dispose();
    }

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    private Uri Url(string path) => new(_server!.Address, path);

    [Fact]
    public async Task EveryFormOfTheDigestIsServed()
    {
        var page = await _http.GetAsync(Url("/"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"kn\">", html);
        Assert.Contains("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", html);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        using var json = JsonDocument.Parse(await _http.GetByteArrayAsync(Url("/digest.json")));
        Assert.Equal(4, json.RootElement.GetProperty("stories").GetArrayLength());

        var atom = XDocument.Parse(await _http.GetStringAsync(Url("/digest.atom")));
        XNamespace a = "http://www.w3.org/2005/Atom";
        Assert.Equal(4, atom.Root!.Elements(a + "entry").Count());
        Assert.Equal(Url("/digest.atom").AbsoluteUri, atom.Root.Elements(a + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);

        string md = await _http.GetStringAsync(Url("/digest.md"));
        Assert.StartsWith("# ಕನ್ನಡ ಸುದ್ದಿ ಸಾರಾಂಶ", md);

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(Url("/news.db"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(Url("/../news.db"))).StatusCode);
    }

    [Fact]
    public async Task AnUnchangedDigestAnswers304AndANewRunIsServedWithoutARestart()
    {
        var first = await _http.GetAsync(Url("/digest.atom"));
        var etag = first.Headers.ETag!;
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, Url("/digest.atom")))
        {
            conditional.Headers.IfNoneMatch.Add(etag);
            var again = await _http.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        }

        // Another process (a scheduled `news run`) replaces the stories.
        using (var writer = NewsState.Open(StatePath, create: false))
        {
            var digest = writer.Digest();
            writer.SaveStories(digest with { Title = "ಇಂದಿನ ಸುದ್ದಿ", Stories = digest.Stories.Take(2).ToList() }, new Dictionary<string, string>());
        }

        using (var conditional = new HttpRequestMessage(HttpMethod.Get, Url("/digest.atom")))
        {
            conditional.Headers.IfNoneMatch.Add(etag);
            var changed = await _http.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.NotEqual(etag, changed.Headers.ETag);
            var atom = XDocument.Parse(await changed.Content.ReadAsStringAsync());
            Assert.Equal(2, atom.Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")).Count());
        }

        Assert.Contains("<h1>ಇಂದಿನ ಸುದ್ದಿ</h1>", await _http.GetStringAsync(Url("/")));
    }

    [Fact]
    public void AMissingOrForeignStateFailsBeforeAnythingListens()
    {
        var missing = Assert.Throws<NewsStateException>(() => NewsServer.Create(new NewsServerOptions { StatePath = _dir.File("none.db"), Port = 0 }));
        Assert.Contains("none.db: no such news state", missing.Message);
        File.WriteAllText(_dir.File("notes.db"), "not sqlite");
        Assert.Throws<NewsStateException>(() => NewsServer.Create(new NewsServerOptions { StatePath = _dir.File("notes.db"), Port = 0 }));
    }
}
