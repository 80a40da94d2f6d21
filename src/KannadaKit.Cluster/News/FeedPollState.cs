namespace KannadaKit.Cluster.News;

/// <summary>A feed grain's stored state: its schedule, validators, failures, and what it found and has not handed over.</summary>
[GenerateSerializer]
public sealed class FeedPollState
{
    /// <summary>The feed and the list's name for it; null until followed.</summary>
    [Id(0)] public FeedFollow? Follow { get; set; }

    /// <summary>How often to poll.</summary>
    [Id(1)] public TimeSpan Every { get; set; }

    /// <summary>The outlet's name as last seen.</summary>
    [Id(2)] public string Outlet { get; set; } = "";

    /// <summary>Conditional-request validators from the last good fetch.</summary>
    [Id(3)] public string? ETag { get; set; }

    /// <summary>Conditional-request validators from the last good fetch.</summary>
    [Id(4)] public string? LastModified { get; set; }

    /// <summary>Consecutive failures.</summary>
    [Id(5)] public int Failures { get; set; }

    /// <summary>The last failure's message.</summary>
    [Id(6)] public string LastError { get; set; } = "";

    /// <summary>No fetch before this.</summary>
    [Id(7)] public DateTimeOffset? NextAttempt { get; set; }

    /// <summary>The last fetch.</summary>
    [Id(8)] public DateTimeOffset? LastPolled { get; set; }

    /// <summary>The worker that made it.</summary>
    [Id(9)] public string LastWorker { get; set; } = "";

    /// <summary>The last fetch's HTTP status.</summary>
    [Id(10)] public int? Status { get; set; }

    /// <summary>Whether the last good fetch was a 304.</summary>
    [Id(11)] public bool NotModified { get; set; }

    /// <summary>Items not collected yet, oldest first.</summary>
    [Id(12)] public List<FeedItem> Pending { get; set; } = [];

    /// <summary>Keys of the items seen lately, oldest first (bounded), so an item is handed over once.</summary>
    [Id(13)] public List<string> Seen { get; set; } = [];

    /// <summary>Fetches so far.</summary>
    [Id(14)] public int Polls { get; set; }
}
