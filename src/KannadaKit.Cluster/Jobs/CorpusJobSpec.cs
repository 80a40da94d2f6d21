namespace KannadaKit.Cluster.Jobs;

/// <summary>
/// A corpus job as the user asked for it: one command (normalize, segment, tokenize) over input files on storage
/// every worker can read, its options as on the one-machine command line, and the folder the outputs go to.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CorpusJobSpec
{
    /// <summary>The command: a name an <see cref="IShardProcessor"/> answers to.</summary>
    [Id(0)] public required string Command { get; init; }

    /// <summary>Input files, as absolute paths every worker sees alike.</summary>
    [Id(1)] public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The folder the outputs are written to (one per input, same name, .gz dropped).</summary>
    [Id(2)] public required string OutputFolder { get; init; }

    /// <summary>The command's options, as on its one-machine command line.</summary>
    [Id(3)] public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The size a shard aims at; shards end at line ends, so they run a little over.</summary>
    [Id(4)] public long ShardBytes { get; init; } = 8L << 20;

    /// <summary>Count each shard's first line number at planning (a full read of every input): for output that
    /// numbers lines, such as <c>segment --jsonl</c>.</summary>
    [Id(5)] public bool CountLines { get; init; }
}
