using KannadaKit.News.Stories;

namespace KannadaKit.News.Runs;

/// <summary>What one <c>news run</c> takes in and keeps.</summary>
public sealed record NewsRunOptions
{
    /// <summary>Stories are made from articles this recent (by date, or by first fetch when undated).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Stories in the digest at most, newest first.</summary>
    public int MaxStories { get; init; } = 40;

    /// <summary>Items taken from one feed per fetch at most (the first ones, as feeds list newest first).</summary>
    public int MaxItemsPerFeed { get; init; } = 50;

    /// <summary>Article pages fetched per run at most (the rest wait for the next run).</summary>
    public int MaxArticlesPerRun { get; init; } = 500;

    /// <summary>A page that failed this many times is not tried again.</summary>
    public int MaxArticleAttempts { get; init; } = 3;

    /// <summary>Requests in flight at once (one per host at a time regardless).</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Fetch every feed now, even those backing off or asked to wait.</summary>
    public bool IgnoreSchedule { get; init; }

    /// <summary>When a page cannot be had, a feed item's own text of at least this many characters stands in.</summary>
    public int MinFeedTextLength { get; init; } = 200;

    /// <summary>Longest wait a server's Cache-Control or Retry-After may impose on a healthy feed.</summary>
    public TimeSpan MaxServerWait { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How near articles must be to tell one story.</summary>
    public StoryClusterOptions Clustering { get; init; } = new();

    /// <summary>The digest's title.</summary>
    public string Title { get; init; } = Digests.Digest.DefaultTitle;

    /// <summary>The clock (tests fix it).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
