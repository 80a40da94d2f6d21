namespace KannadaKit.Cluster.Jobs;

/// <summary>
/// What a worker runs on a shard: the one-machine command's own code over whole lines. Its output for the shards of
/// a file, concatenated in order, must equal the command's output for the file: that is what makes the cluster's
/// output byte-identical.
/// </summary>
public interface IShardProcessor
{
    /// <summary>The command it implements (normalize, segment, tokenize).</summary>
    string Command { get; }

    /// <summary>Checks the options once, when a job is submitted, so a typo fails before any work starts.</summary>
    /// <exception cref="ClusterJobException">The options are not valid for the command.</exception>
    void Validate(IReadOnlyList<string> arguments);

    /// <summary>Processes <paramref name="input"/> (the shard's bytes, decompressed) into <paramref name="output"/>.</summary>
    /// <param name="input">The shard's bytes.</param>
    /// <param name="output">Where its output goes.</param>
    /// <param name="shard">Which part of which file, for error messages (the byte offset of the shard's first byte).</param>
    /// <param name="arguments">The command's options.</param>
    /// <param name="cancel">Stops the work.</param>
    /// <exception cref="ClusterJobException">The input is bad (the message names the file and the byte offset).</exception>
    void Process(Stream input, Stream output, ShardContext shard, IReadOnlyList<string> arguments, CancellationToken cancel);
}
