namespace KannadaKit.Cluster.Jobs;

/// <summary>Where a shard's bytes come from: the input file, the offset of its first byte, whether it is the file's
/// first part, the number of its first line when the plan counted them (else null), and a way to read its bytes
/// again from the start (a processor that must report an exact line number counts the lines before the shard and
/// runs it again; only on that error path).</summary>
public sealed record ShardContext(string Input, long StartByte, bool FirstPart, Func<Stream> Reopen, long? StartLine = null);
