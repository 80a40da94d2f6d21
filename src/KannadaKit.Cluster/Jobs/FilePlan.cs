namespace KannadaKit.Cluster.Jobs;

/// <summary>One input, the output it becomes, and how many shards (parts, in order) make it.</summary>
[GenerateSerializer, Immutable]
public sealed record FilePlan([property: Id(0)] string Input, [property: Id(1)] string Output, [property: Id(2)] int Parts,
    [property: Id(3)] long Length, [property: Id(4)] DateTime LastWriteUtc);
