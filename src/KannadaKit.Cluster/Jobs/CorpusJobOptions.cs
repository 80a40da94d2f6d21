namespace KannadaKit.Cluster.Jobs;

/// <summary>How long a worker may hold work without renewing before it is given to another.</summary>
public sealed record CorpusJobOptions
{
    /// <summary>A lease not renewed for this long is free again (workers renew at a third of it).</summary>
    public TimeSpan LeaseTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Shards a worker runs at once (default: one per core).</summary>
    public int Slots { get; init; } = Environment.ProcessorCount;

    /// <summary>How long an idle worker waits before asking again.</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromMilliseconds(250);
}
