using System.Collections.Concurrent;
using System.Text;
using KannadaKit.Cli.Commands;
using KannadaKit.Cli.IO;
using KannadaKit.Cluster.Jobs;
using KannadaKit.Tokenizers;

namespace KannadaKit.Cli.Cluster;

/// <summary><c>cluster run tokenize</c> on a worker: <c>kannadakit tokenizer encode</c>'s own code over a shard's
/// lines, one output line per input line. The tokenizer file is loaded once per worker and file version.</summary>
internal sealed class TokenizeShardProcessor : IShardProcessor
{
    private readonly ConcurrentDictionary<(string, long, DateTime), Tokenizer> _loaded = new();

    public string Command => "tokenize";

    public void Validate(IReadOnlyList<string> arguments)
    {
        var (path, _, _) = Parse(arguments);
        _ = Load(path);
    }

    public void Process(Stream input, Stream output, ShardContext shard, IReadOnlyList<string> arguments, CancellationToken cancel)
    {
        var (path, add, format) = Parse(arguments);
        var tokenizer = Load(path);
        var file = InputFile.Open(shard.Input);
        using var o = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        try
        {
            TokenizerCommand.WriteEncoded(tokenizer, TextLines.Read(file, input, shard.StartByte, shard.StartLine ?? 1), add, format, o);
        }
        catch (CliException e)
        {
            throw new ClusterJobException(e.Message, e);
        }
    }

    private Tokenizer Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new ClusterJobException($"tokenize: --tokenizer {path}: no such file");
        try
        {
            return _loaded.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc), _ => TokenizerCommand.LoadTokenizer(info.FullName));
        }
        catch (CliException e)
        {
            throw new ClusterJobException(e.Message, e);
        }
    }

    private static (string Path, bool Add, string Format) Parse(IReadOnlyList<string> arguments)
    {
        string? path = null;
        bool add = true;
        string format = "ids";
        for (int i = 0; i < arguments.Count; i++)
        {
            string Value() => i + 1 < arguments.Count ? arguments[++i] : throw new ClusterJobException($"tokenize: {arguments[i]} needs a value");
            switch (arguments[i])
            {
                case "--tokenizer" or "-t": path = Value(); break;
                case "--special-tokens":
                    add = Value() switch
                    {
                        "on" => true,
                        "off" => false,
                        var v => throw new ClusterJobException($"tokenize: --special-tokens '{v}'; expected on or off"),
                    };
                    break;
                case "--format":
                    format = Value();
                    if (format is not ("ids" or "tokens" or "jsonl"))
                        throw new ClusterJobException($"tokenize: --format '{format}'; expected ids, tokens or jsonl");
                    break;
                default: throw new ClusterJobException($"tokenize: '{arguments[i]}' is not an option the cluster passes on (--tokenizer, --special-tokens, --format)");
            }
        }

        return (path ?? throw new ClusterJobException("tokenize: --tokenizer FILE is required"), add, format);
    }
}
