namespace KannadaKit.Cluster.Grains;

/// <summary>What a worker is asked to do.</summary>
[GenerateSerializer]
public enum WorkKind
{
    /// <summary>Run one shard into its part file.</summary>
    Shard,

    /// <summary>Join one file's parts into its output.</summary>
    Assemble,
}
