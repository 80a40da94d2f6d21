using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Review;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;

namespace KannadaKit.Web.Tests;

/// <summary>The proposal queue over HTTP: open to submit, closed to review without the token.</summary>
public sealed class ReviewServerTests : IAsyncLifetime, IDisposable
{
    private const string Token = "review-secret-0123456789abcdef";
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private LexiconServer? _server;

    private string Db => _dir.File("lex.db");

    public async Task InitializeAsync()
    {
        SampleLexicon.Build(Db);

        _server = LexiconServer.Create(new LexiconServerOptions { DatabasePath = Db, Port = 0, ReviewToken = Token });
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

    private Task<HttpResponseMessage> Propose(string headword, string kind, string text, string contributor = "") =>
        _http.PostAsync(At("/api/proposals"), new StringContent(
            JsonSerializer.Serialize(new Dictionary<string, string> { ["headword"] = headword, ["kind"] = kind, ["text"] = text, ["contributor"] = contributor }),
            Encoding.UTF8, "application/json"));

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, At(path));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (method == HttpMethod.Post)
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return await _http.SendAsync(request);
    }

    private async Task<string> EntryJson(string headword) => await _http.GetStringAsync(At("/api/entry/" + Uri.EscapeDataString(headword)));

    [Fact]
    public async Task AnyoneMayProposeButNothingReachesTheLexiconWithoutTheToken()
    {
        string before = await EntryJson("ಶಾಲೆ");
        var queued = await Propose("ಶಾಲೆ", "native_equivalent", "ಕಲಿಮನೆ", "ರಮೇಶ");
        Assert.Equal(HttpStatusCode.Created, queued.StatusCode);
        using var doc = JsonDocument.Parse(await queued.Content.ReadAsStringAsync());
        long id = doc.RootElement.GetProperty("id").GetInt64();
        Assert.Equal("pending", doc.RootElement.GetProperty("status").GetString());

        // No token: 401 with a bearer challenge; a wrong one: 403. For listing, accepting and rejecting alike.
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/api/proposals"), (HttpMethod.Post, $"/api/proposals/{id}/accept"), (HttpMethod.Post, $"/api/proposals/{id}/reject") })
        {
            using var none = await Send(method, path, null);
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Equal("Bearer", Assert.Single(none.Headers.WwwAuthenticate).Scheme);
            using var wrong = await Send(method, path, Token + "x");
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
            using var prefix = await Send(method, path, Token[..16]);
            Assert.Equal(HttpStatusCode.Forbidden, prefix.StatusCode);
        }

        Assert.Equal(before, await EntryJson("ಶಾಲೆ"));
        using (var store = LexiconStore.Open(Db))
            Assert.Equal(ProposalStatus.Pending, new LexiconReview(store).Get(id)!.Status);

        using var list = await Send(HttpMethod.Get, "/api/proposals", Token);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var listed = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal("ಕಲಿಮನೆ", Assert.Single(listed.RootElement.EnumerateArray()).GetProperty("text").GetString());

        using var accepted = await Send(HttpMethod.Post, $"/api/proposals/{id}/accept", Token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        string after = await EntryJson("ಶಾಲೆ");
        Assert.NotEqual(before, after);
        Assert.Contains("ಕಲಿಮನೆ", after);
        Assert.Contains($"proposal #{id} by ರಮೇಶ", after);
        string page = await _http.GetStringAsync(At("/entry/" + Uri.EscapeDataString("ಶಾಲೆ")));
        Assert.Contains("/entry/" + Uri.EscapeDataString("ಕಲಿಮನೆ"), page);

        using var twice = await Send(HttpMethod.Post, $"/api/proposals/{id}/accept", Token);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using var missing = await Send(HttpMethod.Post, "/api/proposals/4242/reject", Token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task QueuedMarkupIsShownAsTextOnceAccepted()
    {
        var queued = await Propose("ಶಾಲೆ", "gloss", "<script>alert('x')</script> <img src=x onerror=alert(1)>");
        using var doc = JsonDocument.Parse(await queued.Content.ReadAsStringAsync());
        using var accepted = await Send(HttpMethod.Post, $"/api/proposals/{doc.RootElement.GetProperty("id").GetInt64()}/accept", Token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        string page = await _http.GetStringAsync(At("/entry/" + Uri.EscapeDataString("ಶಾಲೆ")));
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img src=x", page);
    }

    [Fact]
    public async Task ProposalsMustBeJsonAndValid()
    {
        // A cross-site HTML form can only send form encodings: refused, so a page elsewhere cannot fill the queue.
        using var form = await _http.PostAsync(At("/api/proposals"), new FormUrlEncodedContent(new Dictionary<string, string> { ["headword"] = "ಶಾಲೆ" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        using var broken = await _http.PostAsync(At("/api/proposals"), new StringContent("{\"headword\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        using var latin = await Propose("school", "gloss", "school");
        Assert.Equal(HttpStatusCode.BadRequest, latin.StatusCode);
        Assert.Contains("headword: expected one Kannada word", await latin.Content.ReadAsStringAsync());
        using var kind = await Propose("ಶಾಲೆ", "origin", "native");
        Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
        using var huge = await _http.PostAsync(At("/api/proposals"), new StringContent(
            "{\"headword\":\"ಶಾಲೆ\",\"kind\":\"gloss\",\"text\":\"" + new string('a', 100_000) + "\"}", Encoding.UTF8, "application/json"));
        Assert.True(huge.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, huge.StatusCode.ToString());
        using var store = LexiconStore.Open(Db);
        Assert.Empty(new LexiconReview(store).List());
    }

    [Fact]
    public async Task EntryPagesOfferTheProposalFormAndCountWhatAwaitsReview()
    {
        await Propose("ಶಾಲೆ", "native_equivalent", "ಕಲಿಮನೆ");
        string page = await _http.GetStringAsync(At("/entry/" + Uri.EscapeDataString("ಶಾಲೆ")));
        Assert.Contains("id=\"propose\"", page);
        Assert.Contains("1 proposal for this word awaits review.", page);
        Assert.DoesNotContain("ಕಲಿಮನೆ", page); // pending text is not published
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(At("/review"))).StatusCode);
    }

    [Fact]
    public void ShortTokensAreRefused() =>
        Assert.Throws<ArgumentException>(() => LexiconServer.Create(new LexiconServerOptions { DatabasePath = Db, Port = 0, ReviewToken = "short" }));
}
