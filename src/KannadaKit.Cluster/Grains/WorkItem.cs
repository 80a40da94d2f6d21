namespace KannadaKit.Cluster.Grains;

/// <summary>A leased piece of a job: shard <paramref name="Index"/>, or the assembly of file <paramref name="Index"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkItem([property: Id(0)] string JobId, [property: Id(1)] WorkKind Kind, [property: Id(2)] int Index);
