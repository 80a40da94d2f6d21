namespace KannadaKit.News.Runs;

/// <summary>What happened to one feed in a run.</summary>
public enum FeedOutcomeKind
{
    /// <summary>Fetched and parsed.</summary>
    Fetched,

    /// <summary>The server said it has not changed (304).</summary>
    NotModified,

    /// <summary>Not fetched: backing off after failures, or the server asked to wait.</summary>
    Waiting,

    /// <summary>Failed: refused, unreachable, too slow, too large, an HTTP error or not a feed.</summary>
    Failed,
}
