namespace KannadaKit.Cluster.News;

/// <summary>
/// One feed, polled on its own reminder-driven schedule by whichever worker holds it: conditional requests, failures
/// backed off, new items kept until the news run collects them. Keyed by <see cref="FeedKey.Of"/>: desk and address.
/// </summary>
public interface IFeedGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>
    /// Follows the feed every <paramref name="every"/>; a feed never fetched, or any feed when <paramref name="now"/>
    /// (backoff and the server's wait forgotten), is fetched within seconds. Returns its status.
    /// </summary>
    Task<FeedPollStatus> Follow(FeedFollow follow, TimeSpan every, bool now = false);

    /// <summary>Stops polling and forgets the feed.</summary>
    Task Unfollow();

    /// <summary>The status.</summary>
    Task<FeedPollStatus> Status();

    /// <summary>Items found and not yet acknowledged, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<FeedItem>> Pending(int max);

    /// <summary>Drops the first <paramref name="count"/> pending items: the run has stored them.</summary>
    Task Acknowledge(int count);
}
