namespace KannadaKit.Cluster.News;

/// <summary>
/// One digest's list of followed feeds, keyed by the desk's name (<c>news run --desk</c>): syncing it starts new
/// feeds' grains and stops those no longer listed. Desks are independent: each polls and collects its own feeds.
/// </summary>
public interface INewsDeskGrain : IGrainWithStringKey
{
    /// <summary>
    /// Follows exactly <paramref name="feeds"/>, each every <paramref name="every"/> (and each fetched within seconds
    /// when <paramref name="now"/>); returns their statuses in order.
    /// </summary>
    Task<IReadOnlyList<FeedPollStatus>> Sync(IReadOnlyList<FeedFollow> feeds, TimeSpan every, bool now = false);

    /// <summary>The followed feeds' statuses.</summary>
    Task<IReadOnlyList<FeedPollStatus>> Statuses();
}
