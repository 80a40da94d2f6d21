namespace KannadaKit.Cluster.Jobs;

/// <summary>A job cut into shards. The same spec over the same files always gives the same plan and id, so a job
/// run again finds its own finished work.</summary>
[GenerateSerializer, Immutable]
public sealed record JobPlan([property: Id(0)] string Id, [property: Id(1)] CorpusJobSpec Spec,
    [property: Id(2)] IReadOnlyList<FilePlan> Files, [property: Id(3)] IReadOnlyList<ShardSpec> Shards)
{
    /// <summary>The shards of file <paramref name="file"/>, in order.</summary>
    public IEnumerable<ShardSpec> ShardsOf(int file) => Shards.Where(s => s.File == file).OrderBy(s => s.Part);
}
