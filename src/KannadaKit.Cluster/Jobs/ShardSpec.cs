namespace KannadaKit.Cluster.Jobs;

/// <summary>One unit of work: bytes [<paramref name="Start"/>, Start + <paramref name="Length"/>) of input
/// <paramref name="File"/>, whole lines; a gzip file is one shard read whole. <paramref name="StartLine"/> is the
/// 1-based number of its first line when the plan counted lines, else 0.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardSpec([property: Id(0)] int Index, [property: Id(1)] int File, [property: Id(2)] int Part,
    [property: Id(3)] long Start, [property: Id(4)] long Length, [property: Id(5)] bool Gzip, [property: Id(6)] long StartLine = 0);
