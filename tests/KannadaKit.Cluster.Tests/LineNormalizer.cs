using System.Text;
using KannadaKit.Cluster.Jobs;
using KannadaKit.Text.Normalization;

namespace KannadaKit.Cluster.Tests;

/// <summary>A shard processor for the tests: KannadaKit.Text's normalizer line by line (what `normalize` does),
/// optionally slow, so a worker can be stopped with shards in flight.</summary>
internal sealed class LineNormalizer : IShardProcessor
{
    private readonly IndicNormalizer _normalizer = IndicNormalizer.Create();

    public string Command => "normalize";

    /// <summary>How long each shard takes at least.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Shards processed, by input and start byte (to tell reruns apart).</summary>
    public System.Collections.Concurrent.ConcurrentBag<(string Input, long Start)> Seen { get; } = [];

    public void Validate(IReadOnlyList<string> arguments)
    {
        if (arguments.Count > 0)
            throw new ClusterJobException($"normalize: unknown option {arguments[0]}");
    }

    public void Process(Stream input, Stream output, ShardContext shard, IReadOnlyList<string> arguments, CancellationToken cancel)
    {
        Seen.Add((shard.Input, shard.StartByte));
        if (Delay > TimeSpan.Zero)
            Task.Delay(Delay, cancel).GetAwaiter().GetResult();
        using var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true));
        string text;
        try
        {
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            throw new ClusterJobException($"{shard.Input}: invalid UTF-8 after byte {shard.StartByte:N0}");
        }

        var bytes = Encoding.UTF8.GetBytes(Apply(text));
        output.Write(bytes);
    }

    /// <summary>The whole-file answer the shards must add up to.</summary>
    public string Apply(string text)
    {
        var lines = text.Split('\n');
        return string.Join('\n', lines.Select(l => _normalizer.Normalize(l)));
    }
}
