using KannadaKit.Cluster.News;
using KannadaKit.News.Fetching;
using KannadaKit.Testing.Net;
using KannadaKit.Testing.News;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace KannadaKit.Cluster.Tests.News;

/// <summary>
/// Feed grains on an Orleans TestingHost cluster of three silos with reminders: a followed feed is fetched within
/// seconds and then on its own schedule, a failing one backs off (its ticks skip the fetch) unless asked for now,
/// items are handed over until acknowledged, and a feed dropped from the list is forgotten.
/// </summary>
public sealed class FeedGrainTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;
    private LocalHttpServer _server = null!;

    private sealed class Silos : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(ClusterStorage.Name);
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(10));
            silo.AddKannadaKitWorker([], fetch: new FetchOptions { AllowLoopback = true, PerHostInterval = TimeSpan.Zero });
        }
    }

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        NewsSites.Mount(_server, DateTimeOffset.UtcNow);
        _server.On("/down.xml", ctx =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<Silos>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<IReadOnlyList<FeedPollStatus>> Until(Func<IReadOnlyList<FeedPollStatus>, bool> done, TimeSpan limit, string name = "kn")
    {
        var desk = _cluster.Client.GetGrain<INewsDeskGrain>(name);
        var until = DateTime.UtcNow + limit;
        var s = await desk.Statuses();
        while (!done(s) && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            s = await desk.Statuses();
        }

        return s;
    }

    [Fact]
    public async Task FeedsArePolledOnTheirOwnScheduleAndFailuresBackOff()
    {
        string good = _server.Url(NewsSites.FeedPaths[0]).AbsoluteUri, bad = _server.Url("/down.xml").AbsoluteUri;
        var desk = _cluster.Client.GetGrain<INewsDeskGrain>("kn");
        var every = TimeSpan.FromSeconds(10);
        var followed = await desk.Sync([new FeedFollow { Url = good }, new FeedFollow { Url = bad, Title = "ಮುಚ್ಚಿದ ಪತ್ರಿಕೆ" }], every);
        Assert.Equal([good, bad], followed.Select(f => f.Url)); // in the list's order; not fetched yet
        var started = DateTimeOffset.UtcNow;

        var first = await Until(s => s.All(f => f.LastPolled is not null), TimeSpan.FromSeconds(20));
        var g = first.Single(f => f.Url == good);
        var b = first.Single(f => f.Url == bad);
        Assert.Equal((1, 2, 0), (g.Polls, g.Pending, g.Failures));
        Assert.Equal("\"pv-77\"", g.ETag);
        Assert.Equal((1, 1, 503), (b.Polls, b.Failures, b.Status!.Value));
        Assert.Equal("ಮುಚ್ಚಿದ ಪತ್ರಿಕೆ", b.Outlet);
        Assert.True(b.NextAttempt > started + Backoff.Minimum - TimeSpan.FromSeconds(5), $"{b.NextAttempt}");
        Assert.NotEqual("", g.LastWorker);

        // Handed over until acknowledged, oldest first.
        var feed = FeedKey.Grain(_cluster.Client, "kn", good);
        var items = await feed.Pending(1);
        Assert.Equal("ದಕ್ಷಿಣ ಕನ್ನಡದಲ್ಲಿ ಭಾರಿ ಮಳೆ, ಶಾಲೆ-ಕಾಲೇಜಿಗೆ ರಜೆ", Assert.Single(items).Title);
        await feed.Acknowledge(1);
        Assert.Equal("ಮೆಟ್ರೋ ಹಳದಿ ಮಾರ್ಗ ಬುಧವಾರದಿಂದ", Assert.Single(await feed.Pending(10)).Title);

        // Another digest on the same cluster that follows the same feed gets every item for itself.
        await _cluster.Client.GetGrain<INewsDeskGrain>("sports").Sync([new FeedFollow { Url = good }], every);
        var theirs = await Until(s => s.All(f => f.LastPolled is not null), TimeSpan.FromSeconds(20), "sports");
        Assert.Equal(2, Assert.Single(theirs).Pending);
        Assert.Single(await feed.Pending(10));

        // The next tick: the good feed is asked again (304), the failing one is left alone while it backs off.
        var second = await Until(s => s.Single(f => f.Url == good).Polls >= 2, TimeSpan.FromSeconds(30));
        g = second.Single(f => f.Url == good);
        Assert.Equal(2, g.Polls);
        Assert.True(g.NotModified);
        Assert.Equal(1, g.Pending);
        Assert.Equal(1, second.Single(f => f.Url == bad).Polls);
        Assert.Single(_server.Requests, r => r.Path == "/down.xml");

        // Asked for now (news run --force): the failing feed is fetched at once, backoff or not, and backs off longer.
        await desk.Sync([new FeedFollow { Url = good }, new FeedFollow { Url = bad, Title = "ಮುಚ್ಚಿದ ಪತ್ರಿಕೆ" }], every, now: true);
        var forced = (await Until(s => s.Single(f => f.Url == bad).Polls >= 2, TimeSpan.FromSeconds(15))).Single(f => f.Url == bad);
        Assert.Equal((2, 2), (forced.Polls, forced.Failures));
        Assert.True(forced.NextAttempt > DateTimeOffset.UtcNow + Backoff.After(2) - TimeSpan.FromMinutes(1), $"{forced.NextAttempt}");

        // Dropped from the list: unfollowed and forgotten.
        var left = await desk.Sync([new FeedFollow { Url = good }], every);
        Assert.Equal([good], left.Select(f => f.Url));
        Assert.Equal([good], (await desk.Statuses()).Select(f => f.Url));
        var forgotten = await FeedKey.Grain(_cluster.Client, "kn", bad).Status();
        Assert.Null(forgotten.LastPolled);
        Assert.Equal(0, forgotten.Polls);
    }
}
