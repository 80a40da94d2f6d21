namespace KannadaKit.Cluster.News;

/// <summary>The list of followed feeds: syncing it starts new feeds' grains and stops those no longer listed.</summary>
public interface INewsDeskGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Follows exactly <paramref name="feeds"/>, each every <paramref name="every"/> (and each fetched within seconds
    /// when <paramref name="now"/>); returns their statuses in order.
    /// </summary>
    Task<IReadOnlyList<FeedPollStatus>> Sync(IReadOnlyList<FeedFollow> feeds, TimeSpan every, bool now = false);

    /// <summary>The followed feeds' statuses.</summary>
    Task<IReadOnlyList<FeedPollStatus>> Statuses();
}
