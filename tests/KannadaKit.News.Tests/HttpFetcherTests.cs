using System.IO.Compression;
using System.Net;
using KannadaKit.Net;
using KannadaKit.News.Fetching;
using KannadaKit.Testing.Net;
using Microsoft.AspNetCore.Http;

namespace KannadaKit.News.Tests;

/// <summary>
/// The fetcher against a server of our own on 127.0.0.1. Private addresses are tested through a fake resolver:
/// nothing is ever sent to them.
/// </summary>
public sealed class HttpFetcherTests : IAsyncLifetime
{
    private const string Feed = "<rss version=\"2.0\"><channel><title>ಸುದ್ದಿ</title></channel></rss>";
    private LocalHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static HttpFetcher Fetcher(FetchOptions? o = null) =>
        new((o ?? new FetchOptions()) with { AllowLoopback = true, PerHostInterval = TimeSpan.Zero });

    [Fact]
    public async Task ASecondFetchIsConditionalAndGetsNotModified()
    {
        _server.On("/feed.xml", async ctx =>
        {
            ctx.Response.Headers.ETag = "\"v1\"";
            ctx.Response.Headers.LastModified = "Wed, 02 Dec 2026 04:30:00 GMT";
            if (ctx.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                ctx.Response.StatusCode = 304;
                return;
            }

            ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
            await ctx.Response.WriteAsync(Feed);
        });
        using var fetcher = Fetcher();
        var first = await fetcher.GetAsync(_server.Url("/feed.xml"));
        Assert.Equal((200, false, "application/rss+xml", "utf-8"), (first.Status, first.NotModified, first.ContentType, first.Charset));
        Assert.Equal(Feed, System.Text.Encoding.UTF8.GetString(first.Body));
        Assert.Equal(new FetchValidators("\"v1\"", "Wed, 02 Dec 2026 04:30:00 GMT"), first.Validators);

        var second = await fetcher.GetAsync(_server.Url("/feed.xml"), first.Validators);
        Assert.True(second.NotModified);
        Assert.Empty(second.Body);
        var seen = _server.Requests.ToArray();
        Assert.Equal((null, null), (seen[0].IfNoneMatch, seen[0].IfModifiedSince));
        Assert.Equal(("\"v1\"", "Wed, 02 Dec 2026 04:30:00 GMT"), (seen[1].IfNoneMatch, seen[1].IfModifiedSince));
        Assert.StartsWith("KannadaKit-news/1.0", seen[0].UserAgent);
    }

    [Fact]
    public async Task LoopbackIsRefusedUnlessAllowed()
    {
        using var strict = new HttpFetcher(new FetchOptions());
        var e = await Assert.ThrowsAsync<FetchException>(() => strict.GetAsync(_server.Url("/feed.xml")));
        Assert.Contains("127.0.0.1 resolves only to private or loopback addresses (127.0.0.1), refused", e.Message);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.10")]
    [InlineData("172.20.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    public async Task NamesThatResolveToPrivateAddressesAreRefusedBeforeConnecting(string address)
    {
        int asked = 0;
        using var fetcher = new HttpFetcher(new FetchOptions
        {
            Resolve = (host, _) => { asked++; return Task.FromResult(new[] { IPAddress.Parse(address) }); },
        });
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(new Uri("http://news.example/feed")));
        Assert.Contains($"news.example resolves only to private or loopback addresses ({IPAddress.Parse(address)})", e.Message);
        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task RedirectsToPrivateAddressesAndOtherSchemesAreRefused()
    {
        _server.On("/to-intranet", ctx => { ctx.Response.Redirect("http://intranet.example/secret"); return Task.CompletedTask; });
        _server.On("/to-file", ctx => { ctx.Response.Redirect("file:///etc/passwd"); return Task.CompletedTask; });
        using var fetcher = Fetcher(new FetchOptions
        {
            Resolve = (host, _) => Task.FromResult(host == "intranet.example" ? new[] { IPAddress.Parse("10.9.8.7") } : Array.Empty<IPAddress>()),
        });
        var intranet = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(_server.Url("/to-intranet")));
        Assert.Contains("intranet.example resolves only to private or loopback addresses (10.9.8.7)", intranet.Message);
        var file = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(_server.Url("/to-file")));
        Assert.Contains("redirect to file:///etc/passwd refused", file.Message);
        Assert.Equal("file:///etc/passwd: only http and https URLs are fetched", (await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(new Uri("file:///etc/passwd")))).Message);
        _server.On("/loop", ctx => { ctx.Response.Redirect("/loop"); return Task.CompletedTask; });
        Assert.Contains("more than 5 redirects", (await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(_server.Url("/loop")))).Message);
        _server.On("/hop", ctx => { ctx.Response.Redirect("/feed.xml"); return Task.CompletedTask; });
        _server.On("/feed.xml", ctx => ctx.Response.WriteAsync(Feed));
        Assert.Equal(_server.Url("/feed.xml"), (await fetcher.GetAsync(_server.Url("/hop"))).Url);
    }

    [Fact]
    public async Task AGzipBombStopsAtTheLimitAfterDecompression()
    {
        byte[] bomb;
        using (var ms = new MemoryStream())
        {
            using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
                gz.Write(new byte[8 * 1024 * 1024]);
            bomb = ms.ToArray();
        }

        _server.On("/bomb", async ctx =>
        {
            ctx.Response.Headers.ContentEncoding = "gzip";
            ctx.Response.ContentType = "application/rss+xml";
            await ctx.Response.Body.WriteAsync(bomb);
        });
        using var fetcher = Fetcher(new FetchOptions { MaxBytes = 1024 * 1024 });
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(_server.Url("/bomb")));
        Assert.Contains("more than the 1,048,576-byte limit (after decompression)", e.Message);
        Assert.True(bomb.Length < 64 * 1024, $"{bomb.Length} bytes compressed");
    }

    [Fact]
    public async Task HugePagesAreRefusedByTheirDeclaredLengthOrWhileReading()
    {
        _server.On("/declared", ctx => { ctx.Response.ContentLength = 50L * 1024 * 1024; return ctx.Response.Body.WriteAsync(new byte[1024]).AsTask(); });
        _server.On("/chunked", async ctx =>
        {
            var chunk = new byte[64 * 1024];
            for (int i = 0; i < 40 && !ctx.RequestAborted.IsCancellationRequested; i++)
                await ctx.Response.Body.WriteAsync(chunk);
        });
        using var fetcher = Fetcher(new FetchOptions { MaxBytes = 1024 * 1024 });
        Assert.Contains("52,428,800 bytes declared", (await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(_server.Url("/declared")))).Message);
        Assert.Contains("more than the 1,048,576-byte limit", (await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(_server.Url("/chunked")))).Message);
    }

    [Fact]
    public async Task ASlowServerTimesOut()
    {
        _server.On("/slow", async ctx => { await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted); });
        using var fetcher = Fetcher(new FetchOptions { Timeout = TimeSpan.FromMilliseconds(500) });
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(_server.Url("/slow")));
        Assert.EndsWith("/slow: no complete answer within 0.5 s", e.Message);
    }

    [Fact]
    public async Task TooManyRequestsCarriesRetryAfter()
    {
        _server.On("/busy", ctx => { ctx.Response.StatusCode = 429; ctx.Response.Headers.RetryAfter = "120"; return Task.CompletedTask; });
        using var fetcher = Fetcher();
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(_server.Url("/busy")));
        Assert.Equal((429, TimeSpan.FromSeconds(120)), (e.Status, e.RetryAfter));
        Assert.Contains("HTTP 429", e.Message);
        Assert.Equal(TimeSpan.FromSeconds(120), Backoff.After(0, e.RetryAfter));
    }

    [Fact]
    public async Task RequestsToOneHostAreSpaced()
    {
        _server.On("/a", ctx => ctx.Response.WriteAsync(Feed));
        var stamps = new List<DateTimeOffset>();
        _server.On("/b", ctx => { stamps.Add(DateTimeOffset.UtcNow); return ctx.Response.WriteAsync(Feed); });
        using var fetcher = new HttpFetcher(new FetchOptions { AllowLoopback = true, PerHostInterval = TimeSpan.FromMilliseconds(400) });
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => fetcher.GetAsync(_server.Url("/b"))));
        stamps.Sort();
        Assert.True(stamps[1] - stamps[0] >= TimeSpan.FromMilliseconds(350), $"{(stamps[1] - stamps[0]).TotalMilliseconds} ms");
        Assert.True(stamps[2] - stamps[1] >= TimeSpan.FromMilliseconds(350), $"{(stamps[2] - stamps[1]).TotalMilliseconds} ms");
    }

    [Fact]
    public void BackoffDoublesFromFiveMinutesToADay()
    {
        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440],
            Enumerable.Range(1, 11).Select(n => (int)Backoff.After(n).TotalMinutes));
        Assert.Equal(TimeSpan.FromHours(2), Backoff.After(1, TimeSpan.FromHours(2))); // the server's wait is longer
        Assert.Equal(TimeSpan.FromHours(24), Backoff.After(1, TimeSpan.FromDays(3)));
    }

    [Theory]
    [InlineData("8.8.8.8", false)]
    [InlineData("2606:4700::1111", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("fe80::1", true)]
    public void AddressPolicyKnowsPrivateFromPublic(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, AddressPolicy.IsPrivate(IPAddress.Parse(address)));
}
