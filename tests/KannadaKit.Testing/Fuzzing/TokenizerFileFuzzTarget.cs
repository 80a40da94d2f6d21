using System.Text;
using System.Text.Json.Nodes;
using KannadaKit.Tokenizers;

namespace KannadaKit.Testing.Fuzzing;

/// <summary>tokenizer.json files: the repository's fixture tokenizers (BPE byte-fallback, byte-level BPE, Unigram,
/// WordPiece) cut to a few hundred tokens so that each input loads in well under a millisecond.</summary>
public sealed class TokenizerFileFuzzTarget : FuzzTarget
{
    private const int KeepTokens = 400;
    private readonly List<byte[]> _seeds;

    public TokenizerFileFuzzTarget()
    {
        var folder = Path.Combine(SharedData.RepoRoot, "tests", "KannadaKit.Tokenizers.Tests", "Fixtures", "hf");
        _seeds = [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => Encoding.UTF8.GetBytes(Shrink(JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToJsonString()))
            .Where(RunsCleanly)];
    }

    public override string Name => "tokenizer.json";

    public override IReadOnlyList<byte[]> Seeds => _seeds;

    public override bool IsText => true;

    public override void Run(byte[] input) => Exercise(TokenizerFile.Load(input, "fuzz.json"));

    public override bool IsExpected(Exception e) => e is TokenizerException;

    /// <summary>Encodes, counts and decodes every fuzz line.</summary>
    public static void Exercise(Tokenizer tokenizer)
    {
        foreach (var line in FuzzText.Lines)
        {
            var ids = tokenizer.EncodeToIds(line);
            _ = tokenizer.EncodeToTokens(line, out _);
            _ = tokenizer.CountTokens(line);
            _ = tokenizer.Decode(ids);
        }
    }

    private static JsonObject Shrink(JsonObject json)
    {
        var model = json["model"]!.AsObject();
        if (model["vocab"] is JsonObject vocab)
        {
            var keep = vocab.Where(kv => kv.Value!.GetValue<int>() < KeepTokens).Select(kv => (kv.Key, kv.Value!.GetValue<int>())).ToList();
            var kept = keep.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
            model["vocab"] = new JsonObject(keep.Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Item2)));
            if (model["merges"] is JsonArray merges)
            {
                var left = merges.Where(m => Parts(m) is var (a, b) && kept.Contains(a) && kept.Contains(b) && kept.Contains(a + b)).Select(m => m!.DeepClone()).ToArray();
                model["merges"] = new JsonArray(left);
            }
        }
        else if (model["vocab"] is JsonArray pieces)
        {
            model["vocab"] = new JsonArray([.. pieces.Take(KeepTokens).Select(p => p!.DeepClone())]);
        }

        if (json["added_tokens"] is JsonArray added)
        {
            json["added_tokens"] = new JsonArray([.. added.Where(t => t!["id"]!.GetValue<int>() < KeepTokens).Select(t => t!.DeepClone())]);
        }

        return json;
    }

    private static (string, string)? Parts(JsonNode? merge) => merge switch
    {
        JsonArray { Count: 2 } pair => (pair[0]!.GetValue<string>(), pair[1]!.GetValue<string>()),
        JsonValue v when v.GetValue<string>().Split(' ') is [var a, var b] => (a, b),
        _ => null,
    };
}
