using System.Text;
using KannadaKit.Cli.Commands;
using KannadaKit.Cli.IO;
using KannadaKit.Cluster.Jobs;

namespace KannadaKit.Cli.Cluster;

/// <summary><c>cluster run segment</c> on a worker: <c>kannadakit segment</c>'s own code over a shard's lines. With
/// <c>--jsonl</c> the records carry line numbers, so the job's plan counts each shard's first line.</summary>
internal sealed class SegmentShardProcessor : IShardProcessor
{
    public string Command => "segment";

    /// <summary>Whether the output numbers lines (the plan must count them).</summary>
    public static bool NumbersLines(IReadOnlyList<string> arguments) => arguments.Contains("--jsonl");

    public void Validate(IReadOnlyList<string> arguments) => _ = Parse(arguments);

    public void Process(Stream input, Stream output, ShardContext shard, IReadOnlyList<string> arguments, CancellationToken cancel)
    {
        var (unit, jsonl, split) = Parse(arguments);
        if (jsonl && shard.StartLine is null && !shard.FirstPart)
            throw new ClusterJobException("segment --jsonl: the plan has no line numbers (submit with line counting)");
        var file = InputFile.Open(shard.Input);
        using var o = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        try
        {
            long first = shard.StartLine ?? 1;
            SegmentCommand.Segment(TextLines.Read(file, input, shard.StartByte, first), first, unit, jsonl, split, o);
        }
        catch (CliException e)
        {
            throw new ClusterJobException(e.Message, e);
        }
    }

    private static (string Unit, bool Jsonl, bool Split) Parse(IReadOnlyList<string> arguments)
    {
        string unit = "word";
        bool jsonl = false, split = false;
        for (int i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--unit" or "-u":
                    unit = i + 1 < arguments.Count ? arguments[++i] : throw new ClusterJobException("segment: --unit needs a value");
                    if (unit is not ("akshara" or "word" or "sentence"))
                        throw new ClusterJobException($"segment: --unit '{unit}'; expected akshara, word or sentence");
                    break;
                case "--jsonl": jsonl = true; break;
                case "--split-number-suffixes": split = true; break;
                default: throw new ClusterJobException($"segment: '{arguments[i]}' is not an option the cluster passes on (--unit, --jsonl, --split-number-suffixes)");
            }
        }

        return (unit, jsonl, split);
    }
}
