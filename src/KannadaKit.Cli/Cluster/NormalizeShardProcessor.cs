using KannadaKit.Cli.Commands;
using KannadaKit.Cli.IO;
using KannadaKit.Cli.Normalize;
using KannadaKit.Cluster.Jobs;
using KannadaKit.Text.Normalization;

namespace KannadaKit.Cli.Cluster;

/// <summary>
/// <c>cluster run normalize</c> on a worker: the one-machine command's own chunk reader and chunk processor over a
/// shard's lines, so each shard's bytes are exactly what <c>kannadakit normalize</c> writes for those lines. Takes
/// the command's text options: <c>--profile</c>, <c>--rules</c>, <c>--jsonl</c>, <c>--field</c>, <c>--on-invalid</c>.
/// </summary>
internal sealed class NormalizeShardProcessor : IShardProcessor
{
    public string Command => "normalize";

    public void Validate(IReadOnlyList<string> arguments) => _ = Parse(arguments);

    public void Process(Stream input, Stream output, ShardContext shard, IReadOnlyList<string> arguments, CancellationToken cancel)
    {
        var (options, field, replace) = Parse(arguments);
        var processor = new ChunkProcessor(IndicNormalizer.Create(options), field is null ? null : new JsonlField(field), replace, wantReport: false);
        var file = InputFile.Open(shard.Input);
        try
        {
            Run(processor, file, input, output, shard.StartByte, 1, cancel);
        }
        catch (CliException) when (!shard.FirstPart)
        {
            // The message counted lines from the shard's start: count those before it and say it again exactly.
            long before = LinesBefore(shard.Input, shard.StartByte);
            using var again = shard.Reopen();
            try
            {
                Run(processor, file, again, Stream.Null, shard.StartByte, before + 1, cancel);
            }
            catch (CliException exact)
            {
                throw new ClusterJobException(exact.Message, exact);
            }

            throw new ClusterJobException($"{shard.Input}: the shard at byte {shard.StartByte:N0} failed once and not again; run the job again");
        }
        catch (CliException e)
        {
            throw new ClusterJobException(e.Message, e);
        }
    }

    private static void Run(ChunkProcessor processor, InputFile file, Stream input, Stream output, long firstByte, long firstLine, CancellationToken cancel)
    {
        foreach (var chunk in new LineChunkReader(file, input, firstByte, firstLine).ReadChunks())
        {
            cancel.ThrowIfCancellationRequested();
            var result = processor.Process(chunk);
            output.Write(result.Bytes, 0, result.Length);
            result.Return();
        }
    }

    private static long LinesBefore(string path, long end)
    {
        using var f = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        long lines = 0, at = 0;
        while (at < end)
        {
            int n = f.Read(buffer, 0, (int)Math.Min(buffer.Length, end - at));
            if (n == 0)
                break;
            lines += buffer.AsSpan(0, n).Count((byte)'\n');
            at += n;
        }

        return lines;
    }

    // The one-machine command's text options, checked the way it checks them.
    internal static (NormalizerOptions Options, string? Field, bool ReplaceInvalid) Parse(IReadOnlyList<string> arguments)
    {
        string profile = "default";
        string? rules = null, field = null;
        bool jsonl = false, replace = false;
        for (int i = 0; i < arguments.Count; i++)
        {
            string Value() => i + 1 < arguments.Count ? arguments[++i] : throw new ClusterJobException($"normalize: {arguments[i]} needs a value");
            switch (arguments[i])
            {
                case "--profile" or "-p": profile = Value(); break;
                case "--rules" or "-r": rules = Value(); break;
                case "--jsonl": jsonl = true; break;
                case "--field": field = Value(); break;
                case "--on-invalid":
                    replace = Value() switch
                    {
                        "replace" => true,
                        "error" => false,
                        var v => throw new ClusterJobException($"normalize: --on-invalid '{v}'; expected error or replace"),
                    };
                    break;
                default: throw new ClusterJobException($"normalize: '{arguments[i]}' is not an option the cluster passes on (--profile, --rules, --jsonl, --field, --on-invalid)");
            }
        }

        NormalizerOptions options;
        try
        {
            options = NormalizeCommand.Options(profile, rules);
            if (jsonl && field is not null)
                NormalizeCommand.CheckField(field);
        }
        catch (CliException e)
        {
            throw new ClusterJobException("normalize: " + e.Message, e);
        }

        return (options, jsonl ? field ?? "text" : null, replace);
    }
}
