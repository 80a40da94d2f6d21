namespace KannadaKit.Cluster.Grains;

/// <summary>Where a job stands: shards done and in flight, outputs assembled, who is working, and any error.</summary>
[GenerateSerializer, Immutable]
public sealed record JobStatus
{
    /// <summary>The job.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The command.</summary>
    [Id(1)] public required string Command { get; init; }

    /// <summary>Shards in the plan.</summary>
    [Id(2)] public int Shards { get; init; }

    /// <summary>Shards whose part is written.</summary>
    [Id(3)] public int ShardsDone { get; init; }

    /// <summary>Shards leased to a worker now.</summary>
    [Id(4)] public int InFlight { get; init; }

    /// <summary>Output files in the plan.</summary>
    [Id(5)] public int Files { get; init; }

    /// <summary>Output files written.</summary>
    [Id(6)] public int FilesDone { get; init; }

    /// <summary>Workers holding leases now.</summary>
    [Id(7)] public IReadOnlyList<string> Workers { get; init; } = [];

    /// <summary>Every output is written.</summary>
    [Id(8)] public bool Finished { get; init; }

    /// <summary>Why the job stopped (bad input), or null.</summary>
    [Id(9)] public string? Error { get; init; }

    /// <summary>Shards run again because their worker was lost or too slow.</summary>
    [Id(10)] public int Reissued { get; init; }
}
