using System.Net;
using System.Text.Json;
using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Json;
using KannadaKit.Lexicon.Search;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;

namespace KannadaKit.Web.Tests;

public sealed class LexiconServerTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private LexiconServer? _server;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    private string Db => _dir.File("lex.db");

    public async Task InitializeAsync()
    {
        string csv = _dir.File("extra.csv");
        // An imported gloss with markup: pages must show it as text.
        await File.WriteAllTextAsync(csv, "headword,pos,gloss\nಕಿಡಿ,noun,\"spark <script>alert('x')</script> <b>bold</b>\"\n");
        SampleLexicon.Build(Db, (csv, null));

        _server = LexiconServer.Create(new LexiconServerOptions { DatabasePath = Db, Port = 0 });
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

    private Uri At(string path) => new(_server!.Address, path);

    [Fact]
    public async Task WithoutAReviewTokenTheServerTakesNoProposals()
    {
        using var post = await _http.PostAsync(At("/api/proposals"), new StringContent("{\"headword\":\"ಕನ್ನಡ\",\"kind\":\"gloss\",\"text\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(At("/review"))).StatusCode);
        Assert.DoesNotContain("id=\"propose\"", await _http.GetStringAsync(At("/entry/" + Uri.EscapeDataString("ಕನ್ನಡ"))));
    }

    [Fact]
    public void ListensOnLoopbackByDefault()
    {
        Assert.Equal(IPAddress.Loopback, new LexiconServerOptions { DatabasePath = "x" }.Address);
        Assert.Equal("127.0.0.1", _server!.Address.Host);
        Assert.NotEqual(0, _server.Address.Port);
    }

    [Fact]
    public async Task ApiSearchIsTheSameArrayAsTheLibraryWrites()
    {
        string body = await _http.GetStringAsync(At("/api/search?q=kannada"));
        string expected;
        using (var store = LexiconStore.Open(Db))
        {
            var results = new LexiconSearcher(store).Search("kannada");
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                LexiconJsonWriter.WriteResults(w, results);
            expected = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        Assert.Equal(expected, body);
        Assert.Equal("ಕನ್ನಡ", JsonDocument.Parse(body).RootElement[0].GetProperty("headword").GetString());
        var english = JsonDocument.Parse(await _http.GetStringAsync(At("/api/search?q=language&mode=english"))).RootElement;
        Assert.Equal("ಭಾಷೆ", english[0].GetProperty("headword").GetString());
    }

    [Fact]
    public async Task ApiEntryAndEntryPage()
    {
        var json = JsonDocument.Parse(await _http.GetStringAsync(At("/api/entry/" + Uri.EscapeDataString("ವಿಜ್ಞಾನ")))).RootElement;
        Assert.Equal("tatsama", json.GetProperty("origin").GetProperty("class").GetString());
        var page = await _http.GetAsync(At("/entry/" + Uri.EscapeDataString("ವಿಜ್ಞಾನ")));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1 lang=\"kn\">ವಿಜ್ಞಾನ</h1>", html);
        Assert.Contains("Native equivalents", html);
        Assert.Contains("ವಿಜ್ಞಾನದಲ್ಲಿ", html); // the computed inflection table
        Assert.Contains("Noto Sans Kannada", html);
        Assert.Contains("Sources and licences", html);
        Assert.Contains("<b>Suggestions</b> (not attested", html);
        // A native word gets no suggestions box: it needs no native equivalent.
        string kannada = await _http.GetStringAsync(At("/entry/" + Uri.EscapeDataString("ಕನ್ನಡ")));
        Assert.DoesNotContain("Suggestions", kannada);
    }

    [Fact]
    public async Task ImportedMarkupIsEscapedOnEveryPage()
    {
        string html = await _http.GetStringAsync(At("/entry/" + Uri.EscapeDataString("ಕಿಡಿ")));
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>bold", html);
        Assert.Contains("&lt;script&gt;", html);
        string api = await _http.GetStringAsync(At("/api/entry/" + Uri.EscapeDataString("ಕಿಡಿ")));
        Assert.Contains("spark <script>", JsonDocument.Parse(api).RootElement.GetProperty("senses")[0].GetProperty("gloss").GetString());
        var notFound = await _http.GetAsync(At("/entry/" + Uri.EscapeDataString("<img src=x onerror=alert(1)>")));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.DoesNotContain("<img src=x", await notFound.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/entry/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/entry/%2Fetc%2Fpasswd")]
    [InlineData("/api/entry/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/../../etc/passwd")]
    public async Task PathsAreLookupKeysNotFiles(string path)
    {
        var r = await _http.GetAsync(At(path));
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.DoesNotContain("root:", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BadQueriesAreClearErrorsAndCannotChangeTheLexicon()
    {
        var big = await _http.GetAsync(At("/api/search?q=" + new string('a', 101)));
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("at most 100", await big.Content.ReadAsStringAsync());
        var mode = await _http.GetAsync(At("/api/search?q=x&mode=magic"));
        Assert.Equal(HttpStatusCode.BadRequest, mode.StatusCode);
        foreach (var attack in new[] { "'; DROP TABLE entries; --", "\" OR 1=1 --", "ಮನೆ' OR '1'='1" })
        {
            var r = await _http.GetAsync(At("/api/search?q=" + Uri.EscapeDataString(attack)));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using var store = LexiconStore.Open(Db);
        Assert.Equal(28, store.Stats().Headwords);
    }

    [Fact]
    public async Task SearchPageCarriesTheTypeAheadScript()
    {
        string html = await _http.GetStringAsync(At("/"));
        Assert.Contains("id=\"q\"", html);
        Assert.Contains("/api/search?limit=8&q=", html);
        Assert.DoesNotContain("innerHTML", html); // results are built with textContent only
    }
}
