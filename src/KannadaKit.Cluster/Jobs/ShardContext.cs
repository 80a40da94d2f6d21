namespace KannadaKit.Cluster.Jobs;

/// <summary>Where a shard's bytes come from: the input file and the offset of its first byte.</summary>
public sealed record ShardContext(string Input, long StartByte, bool FirstPart);
