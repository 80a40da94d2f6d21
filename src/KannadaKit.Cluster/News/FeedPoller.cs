using KannadaKit.News.Feeds;
using KannadaKit.News.Fetching;

namespace KannadaKit.Cluster.News;

/// <summary>
/// A worker's feed fetching, shared by its feed grains: one HTTP client (per-host spacing, address checks, size and
/// time limits) and the feed parser. Applies the same rules as one machine's <c>news run</c>: conditional requests,
/// the server's Retry-After (capped), Miniflux-style backoff on failure.
/// </summary>
public sealed class FeedPoller : IDisposable
{
    /// <summary>The longest a feed fetch may take: a feed grain answers nothing else meanwhile.</summary>
    public static readonly TimeSpan MaxFetchTime = TimeSpan.FromSeconds(20);

    private readonly HttpFetcher _fetcher;
    private readonly FeedParser _parser = new();
    private readonly TimeProvider _clock;

    /// <summary>A poller fetching with <paramref name="options"/> (its timeout capped at <see cref="MaxFetchTime"/>).</summary>
    public FeedPoller(FetchOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _fetcher = new HttpFetcher(options with { Timeout = options.Timeout < MaxFetchTime ? options.Timeout : MaxFetchTime });
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Entries of one feed kept per fetch at most (as one machine's run).</summary>
    public int MaxItemsPerFeed { get; init; } = 50;

    /// <summary>The longest a server's Retry-After is obeyed.</summary>
    public TimeSpan MaxServerWait { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Fetches <paramref name="state"/>'s feed once and records the outcome in it; returns the items that are new.</summary>
    public async Task<int> PollAsync(FeedPollState state, string worker, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var follow = state.Follow ?? throw new InvalidOperationException("the feed is not followed");
        var url = new Uri(follow.Url);
        state.LastWorker = worker;
        state.Polls++;
        try
        {
            var result = await _fetcher.GetAsync(url, new FetchValidators(state.ETag, state.LastModified), null, cancel).ConfigureAwait(false);
            var now = _clock.GetUtcNow();
            state.LastPolled = now;
            state.Status = result.Status;
            state.NextAttempt = result.RetryAfter is { } wait && wait > TimeSpan.Zero ? now + (wait < MaxServerWait ? wait : MaxServerWait) : null;
            state.Failures = 0;
            state.LastError = "";
            (state.ETag, state.LastModified) = (result.Validators.ETag, result.Validators.LastModified);
            state.NotModified = result.NotModified;
            if (result.NotModified)
                return 0;
            Feed feed;
            try
            {
                feed = _parser.Parse(result.Body, result.Url, result.Charset);
            }
            catch (FeedParseException e)
            {
                throw new FetchException($"{url}: {e.Message}", e);
            }

            state.Outlet = follow.Title.Length > 0 ? follow.Title : feed.Title.Length > 0 ? feed.Title : url.Host;
            return Add(state, feed.Entries.Take(MaxItemsPerFeed));
        }
        catch (FetchException e)
        {
            var now = _clock.GetUtcNow();
            state.LastPolled = now;
            state.Status = e.Status;
            state.Failures++;
            state.LastError = e.Message;
            state.NextAttempt = now + Backoff.After(state.Failures, e.RetryAfter);
            if (state.Outlet.Length == 0)
                state.Outlet = follow.Title.Length > 0 ? follow.Title : url.Host;
            return 0;
        }
    }

    // Keys as one machine's state keys entries; only keys not seen lately become pending.
    private static int Add(FeedPollState state, IEnumerable<FeedEntry> entries)
    {
        const int MaxSeen = 5000, MaxPending = 2000;
        var seen = new HashSet<string>(state.Seen, StringComparer.Ordinal);
        int added = 0;
        foreach (var e in entries)
        {
            string key = e.Id.Length > 0 ? e.Id : e.Link.Length > 0 ? e.Link : e.Title;
            if (key.Length == 0 || !seen.Add(key))
                continue;
            state.Seen.Add(key);
            state.Pending.Add(new FeedItem { Key = key, Link = e.Link, Title = e.Title, Content = e.Content.Length > 0 ? e.Content : e.Summary, Published = e.Published, Updated = e.Updated });
            added++;
        }

        // Bounded: a feed nobody collects from for weeks keeps its newest items, and the oldest keys are forgotten.
        if (state.Seen.Count > MaxSeen)
            state.Seen.RemoveRange(0, state.Seen.Count - MaxSeen);
        if (state.Pending.Count > MaxPending)
            state.Pending.RemoveRange(0, state.Pending.Count - MaxPending);
        return added;
    }

    /// <inheritdoc />
    public void Dispose() => _fetcher.Dispose();
}
