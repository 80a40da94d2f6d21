using System.Globalization;
using KannadaKit.Cli.Terminal;
using KannadaKit.Cluster;
using KannadaKit.Cluster.News;
using KannadaKit.News.Feeds;
using KannadaKit.News.Fetching;
using KannadaKit.News.Runs;
using KannadaKit.News.State;
using KannadaKit.News.Subscriptions;

namespace KannadaKit.Cli.Commands;

/// <summary>
/// <c>news run --cluster</c>'s feed stage: the feed list is synced to the cluster (each feed a grain polling on its
/// own schedule on some worker), and what the workers found since the last run is collected into the run's state,
/// acknowledged only once stored, so a run that dies midway loses nothing and stores nothing twice.
/// </summary>
internal static class NewsClusterFeeds
{
    // A feed followed for the first time is fetched within seconds; the run waits this long for first fetches.
    private static readonly TimeSpan FirstFetchWait = TimeSpan.FromSeconds(90);

    public static (IReadOnlyList<FeedOutcome> Outcomes, IReadOnlyList<FeedPollStatus> Statuses) Collect(
        IClusterClient grains, string deskName, IReadOnlyList<Subscription> subscriptions, TimeSpan every, bool force, NewsState store, StatusLine line)
    {
        var follows = subscriptions.Select(s => new FeedFollow { Url = s.FeedUrl.AbsoluteUri, Title = s.Title }).DistinctBy(f => f.Url).ToArray();
        var desk = grains.GetGrain<INewsDeskGrain>(deskName);
        var asked = DateTimeOffset.UtcNow;
        var statuses = ClusterCommand.Calls(() => desk.Sync(follows, every, force));
        // Wait for first fetches (every fetch, with --force), not for the regular schedule.
        bool Fetched(FeedPollStatus s) => s.LastPolled is { } t && (!force || t >= asked);
        var until = DateTime.UtcNow + FirstFetchWait;
        while (!statuses.All(Fetched) && DateTime.UtcNow < until)
        {
            int polled = statuses.Count(Fetched);
            line.Draw(() => $"feeds    {StatusLine.Bar((double)polled / statuses.Count)} {polled}/{statuses.Count} fetched by the workers");
            Thread.Sleep(500);
            statuses = [.. follows.Select(f => ClusterCommand.Calls(() => FeedKey.Grain(grains, deskName, f.Url).Status()))];
        }

        var outcomes = new List<FeedOutcome>();
        var now = DateTimeOffset.UtcNow;
        foreach (var status in statuses)
        {
            var feed = FeedKey.Grain(grains, deskName, status.Url);
            int added = 0;
            bool stored = false;
            while (true)
            {
                var items = ClusterCommand.Calls(() => feed.Pending(500));
                if (items.Count == 0 && stored)
                    break;
                var parsed = items.Count == 0 ? null : new Feed { Entries = [.. items.Select(ToEntry)] };
                if (status.LastPolled is { } polled && status.Failures == 0)
                    added += store.SaveFeed(status.Url, status.Outlet, parsed, new FetchValidators(status.ETag, status.LastModified), polled, status.NextAttempt, status.Status ?? 200);
                else if (parsed is not null)
                    added += store.SaveFeed(status.Url, status.Outlet, parsed, FetchValidators.None, now, status.NextAttempt, status.Status ?? 200);
                stored = true;
                if (items.Count == 0)
                    break;
                ClusterCommand.Calls(() => feed.Acknowledge(items.Count));
            }

            outcomes.Add(Outcome(status, added, now));
        }

        return (outcomes, statuses);
    }

    /// <summary>A --desk value: letters, digits, - and _, or a one-line error.</summary>
    public static string Desk(string? value) =>
        value is { Length: > 0 and <= 64 } d && d.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? d
            : throw new CliException($"--desk '{value}': a name of ASCII letters, digits, - and _ (at most 64)", ExitCodes.Usage);

    /// <summary>"polled by 3 workers: 10.0.0.5:11111 (40), …", for the run's report.</summary>
    public static string Workers(IReadOnlyList<FeedPollStatus> statuses)
    {
        var by = statuses.Where(s => s.LastWorker.Length > 0).GroupBy(s => s.LastWorker).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        return string.Create(CultureInfo.InvariantCulture, $"feeds last fetched by {by.Count} worker{(by.Count == 1 ? "" : "s")}: {string.Join(", ", by.Select(g => $"{ClusterText.Worker(g.Key)} ({g.Count()})"))}");
    }

    private static FeedOutcome Outcome(FeedPollStatus s, int added, DateTimeOffset now)
    {
        if (s.LastPolled is null)
            return new FeedOutcome(s.Url, s.Outlet.Length > 0 ? s.Outlet : new Uri(s.Url).Host, FeedOutcomeKind.Waiting, 0, "not fetched by a worker yet", null);
        if (s.Failures > 0)
            return new FeedOutcome(s.Url, s.Outlet, FeedOutcomeKind.Failed, added, s.LastError, s.NextAttempt);
        if (added > 0)
            return new FeedOutcome(s.Url, s.Outlet, FeedOutcomeKind.Fetched, added, "", null);
        return s.NextAttempt is { } next && next > now
            ? new FeedOutcome(s.Url, s.Outlet, FeedOutcomeKind.Waiting, 0, "the server asked us to wait", next)
            : new FeedOutcome(s.Url, s.Outlet, FeedOutcomeKind.NotModified, 0, "", null);
    }

    private static FeedEntry ToEntry(FeedItem i) => new() { Id = i.Key, Link = i.Link, Title = i.Title, Content = i.Content, Published = i.Published, Updated = i.Updated };
}
