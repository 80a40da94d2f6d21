namespace KannadaKit.Cluster.News;

/// <summary>The followed feeds' list. Syncing follows the listed feeds in parallel and unfollows the rest.</summary>
public sealed class NewsDeskGrain([PersistentState("desk", ClusterStorage.Name)] IPersistentState<HashSet<string>> followed) : Grain, INewsDeskGrain
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<FeedPollStatus>> Sync(IReadOnlyList<FeedFollow> feeds, TimeSpan every, bool now = false)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var wanted = feeds.Select(f => f.Url).ToHashSet(StringComparer.Ordinal);
        var gone = followed.State.Where(u => !wanted.Contains(u)).ToList();
        await Task.WhenAll(gone.Select(u => Feed(u).Unfollow()));
        if (gone.Count > 0 || !wanted.SetEquals(followed.State))
        {
            followed.State = wanted;
            await followed.WriteStateAsync();
        }

        return await Task.WhenAll(feeds.Select(f => Feed(f.Url).Follow(f, every, now)));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FeedPollStatus>> Statuses() =>
        await Task.WhenAll(followed.State.Order(StringComparer.Ordinal).Select(u => Feed(u).Status()));

    private IFeedGrain Feed(string url) => FeedKey.Grain(GrainFactory, this.GetPrimaryKeyString(), url);
}
