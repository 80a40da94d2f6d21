namespace KannadaKit.Cluster.News;

/// <summary>Where one feed's polling stands, as its grain sees it.</summary>
[GenerateSerializer, Immutable]
public sealed record FeedPollStatus
{
    /// <summary>The feed.</summary>
    [Id(0)] public required string Url { get; init; }

    /// <summary>The outlet's name (the list's, else the feed's title, else the host).</summary>
    [Id(1)] public string Outlet { get; init; } = "";

    /// <summary>When it was last fetched (successfully or not); null: never.</summary>
    [Id(2)] public DateTimeOffset? LastPolled { get; init; }

    /// <summary>The worker (silo address) that fetched it last.</summary>
    [Id(3)] public string LastWorker { get; init; } = "";

    /// <summary>Consecutive failures; 0 when the last fetch worked.</summary>
    [Id(4)] public int Failures { get; init; }

    /// <summary>The last failure's message.</summary>
    [Id(5)] public string LastError { get; init; } = "";

    /// <summary>No fetch before this time (backing off, or the server asked to wait).</summary>
    [Id(6)] public DateTimeOffset? NextAttempt { get; init; }

    /// <summary>Whether the last good fetch was a 304.</summary>
    [Id(7)] public bool NotModified { get; init; }

    /// <summary>Items found and not collected yet.</summary>
    [Id(8)] public int Pending { get; init; }

    /// <summary>The HTTP status of the last fetch, if one came.</summary>
    [Id(9)] public int? Status { get; init; }

    /// <summary>The validators of the last good fetch.</summary>
    [Id(10)] public string? ETag { get; init; }

    /// <summary>The validators of the last good fetch.</summary>
    [Id(11)] public string? LastModified { get; init; }

    /// <summary>Fetches so far.</summary>
    [Id(12)] public int Polls { get; init; }
}
