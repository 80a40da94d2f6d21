using KannadaKit.Cluster.Jobs;

namespace KannadaKit.Cluster.Grains;

/// <summary>A job's persistent state: its plan, and what is known to be done. Leases are not kept: after a restart
/// every unfinished shard is free again, and the part files on disk say which are finished.</summary>
[GenerateSerializer]
public sealed class CorpusJobState
{
    /// <summary>The plan, once submitted.</summary>
    [Id(0)] public JobPlan? Plan { get; set; }

    /// <summary>Shards whose part is written.</summary>
    [Id(1)] public HashSet<int> Done { get; set; } = [];

    /// <summary>Files whose output is written.</summary>
    [Id(2)] public HashSet<int> Assembled { get; set; } = [];

    /// <summary>Why the job stopped, or null.</summary>
    [Id(3)] public string? Error { get; set; }

    /// <summary>Shards run again after a lost lease.</summary>
    [Id(4)] public int Reissued { get; set; }
}
