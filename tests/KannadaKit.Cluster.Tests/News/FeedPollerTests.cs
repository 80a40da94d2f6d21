using System.Globalization;
using KannadaKit.Cluster.News;
using KannadaKit.News.Fetching;
using KannadaKit.Testing.Net;
using KannadaKit.Testing.News;
using Microsoft.AspNetCore.Http;

namespace KannadaKit.Cluster.Tests.News;

/// <summary>
/// What a feed grain does on each tick, against the fixture outlets on 127.0.0.1: new items become pending once,
/// validators make the next fetch conditional, failures back off as one machine's run does, Retry-After is obeyed.
/// </summary>
public sealed class FeedPollerTests : IAsyncLifetime, IDisposable
{
    private readonly FixedClock _clock = new() { Now = new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero) };
    private readonly FeedPoller _poller;
    private LocalHttpServer _server = null!;

    public FeedPollerTests()
    {
        _poller = new FeedPoller(new FetchOptions { AllowLoopback = true, PerHostInterval = TimeSpan.Zero }, _clock);
    }

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        NewsSites.Mount(_server, DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _poller.Dispose();

    private FeedPollState Followed(string path, string title = "") => new() { Follow = new FeedFollow { Url = _server.Url(path).AbsoluteUri, Title = title }, Every = TimeSpan.FromMinutes(15) };

    [Fact]
    public async Task NewItemsArePendingOnceAndTheNextFetchIsConditional()
    {
        var state = Followed(NewsSites.FeedPaths[0]);
        Assert.Equal(2, await _poller.PollAsync(state, "S127.0.0.1:11111:1"));
        Assert.Equal(["ದಕ್ಷಿಣ ಕನ್ನಡದಲ್ಲಿ ಭಾರಿ ಮಳೆ, ಶಾಲೆ-ಕಾಲೇಜಿಗೆ ರಜೆ", "ಮೆಟ್ರೋ ಹಳದಿ ಮಾರ್ಗ ಬುಧವಾರದಿಂದ"], state.Pending.Select(p => p.Title));
        Assert.Equal("ಪ್ರಜಾವಾರ್ತೆ - ರಾಜ್ಯ", state.Outlet); // the feed's own title when the list gives none
        Assert.Equal("\"pv-77\"", state.ETag);
        Assert.Equal((0, 200, "S127.0.0.1:11111:1", 1), (state.Failures, state.Status!.Value, state.LastWorker, state.Polls));

        // The next tick asks with the ETag and gets 304: nothing new, nothing pending twice.
        _server.Requests.Clear();
        Assert.Equal(0, await _poller.PollAsync(state, "S127.0.0.1:11112:1"));
        Assert.True(state.NotModified);
        Assert.Equal("\"pv-77\"", Assert.Single(_server.Requests).IfNoneMatch);
        Assert.Equal(2, state.Pending.Count);

        // The same items served again in full (validators lost) are known by key and not added again.
        state.ETag = null;
        Assert.Equal(0, await _poller.PollAsync(state, "S127.0.0.1:11112:1"));
        Assert.Equal(2, state.Pending.Count);
    }

    [Fact]
    public async Task FailuresBackOffAndRetryAfterIsObeyed()
    {
        int calls = 0;
        _server.On("/down.xml", ctx =>
        {
            calls++;
            ctx.Response.StatusCode = calls < 3 ? 503 : 429;
            if (calls >= 3)
                ctx.Response.Headers.RetryAfter = "7200";
            return Task.CompletedTask;
        });
        var state = Followed("/down.xml", "ಮುಚ್ಚಿದ ಪತ್ರಿಕೆ");
        await _poller.PollAsync(state, "w");
        Assert.Equal((1, 503), (state.Failures, state.Status!.Value));
        Assert.Equal(_clock.Now + Backoff.Minimum, state.NextAttempt);
        Assert.Contains("503", state.LastError, StringComparison.Ordinal);
        Assert.Equal("ಮುಚ್ಚಿದ ಪತ್ರಿಕೆ", state.Outlet);

        await _poller.PollAsync(state, "w");
        Assert.Equal(_clock.Now + Backoff.After(2), state.NextAttempt); // 10 minutes: doubled

        await _poller.PollAsync(state, "w");
        Assert.Equal(_clock.Now + TimeSpan.FromHours(2), state.NextAttempt); // the server's two hours beat the 20-minute backoff
        Assert.Empty(state.Pending);

        // A good fetch clears the failures and the wait.
        _server.On("/down.xml", ctx => NewsSitesFeed(ctx));
        await _poller.PollAsync(state, "w");
        Assert.Equal((0, ""), (state.Failures, state.LastError));
        Assert.Null(state.NextAttempt);
        Assert.Single(state.Pending);
    }

    private static async Task NewsSitesFeed(HttpContext ctx)
    {
        ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
        string date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        await ctx.Response.WriteAsync($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>ಮರಳಿ ಬಂತು</title><item><title>ಮತ್ತೆ ಆರಂಭ</title><link>https://example.org/a</link><pubDate>{date}</pubDate></item></channel></rss>");
    }

    private sealed class FixedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
