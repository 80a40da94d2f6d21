namespace KannadaKit.Cluster.News;

/// <summary>
/// A feed grain's key: the desk that follows it and its address, so two digests on one cluster that both list a
/// feed each get its items (a URL holds no space, so the space divides them).
/// </summary>
public static class FeedKey
{
    /// <summary>The key of <paramref name="url"/> followed by <paramref name="desk"/>.</summary>
    public static string Of(string desk, string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(desk);
        ArgumentException.ThrowIfNullOrEmpty(url);
        return desk.Contains(' ', StringComparison.Ordinal) ? throw new ArgumentException("a desk name has no spaces", nameof(desk)) : desk + " " + url;
    }

    /// <summary>The feed's address in <paramref name="key"/>.</summary>
    public static string UrlOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int space = key.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? key : key[(space + 1)..];
    }

    /// <summary>The feed grain for <paramref name="url"/> on <paramref name="desk"/>.</summary>
    public static IFeedGrain Grain(IGrainFactory grains, string desk, string url)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IFeedGrain>(Of(desk, url));
    }
}
