using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;
using Ml = Microsoft.ML.Tokenizers;

namespace KannadaKit.Benchmarks.Tokenizers;

/// <summary>
/// The peers a .NET user would pick instead, built from the same files: Hugging Face's Rust library through
/// Tokenizers.DotNet (it reads tokenizer.json itself), and Microsoft.ML.Tokenizers' classes configured as closely as
/// they allow (BpeTokenizer and TiktokenTokenizer from the file's vocabulary and merges, BertTokenizer from its
/// vocabulary, SentencePieceTokenizer from the .model). Each factory returns a fresh instance.
/// </summary>
internal static class PeerTokenizers
{
    /// <summary>An encoder: the ids of one line, no special tokens.</summary>
    public delegate int[] Encoder(string line);

    public static Func<Encoder>? HfRust(string path) => path.EndsWith(".json", StringComparison.Ordinal)
        ? () =>
        {
            var t = new global::Tokenizers.DotNet.Tokenizer(path);
            return line => [.. t.Encode(line).Select(u => (int)u)];
        }
        : null;

    /// <summary>Microsoft.ML.Tokenizers' closest configurations, by name (several for byte-level BPE files).</summary>
    public static IReadOnlyList<(string Name, Func<Encoder> Create)> MlTokenizers(string path)
    {
        if (path.EndsWith(".tiktoken", StringComparison.Ordinal))
        {
            return [("TiktokenTokenizer", () => Wrap(Ml.TiktokenTokenizer.CreateForModel("gpt-4o")))];
        }
        if (path.EndsWith(".model", StringComparison.Ordinal))
        {
            return [("SentencePiece", () => Wrap(Ml.SentencePieceTokenizer.Create(File.OpenRead(path), false, false)))];
        }
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var model = json["model"]!;
        var vocab = model["vocab"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<int>());
        switch (model["type"]!.GetValue<string>())
        {
            case "WordPiece":
                var lower = json["normalizer"]?["lowercase"]?.GetValue<bool>() ?? false;
                return [("BertTokenizer", () =>
                {
                    var text = string.Join('\n', vocab.OrderBy(kv => kv.Value).Select(kv => kv.Key)) + "\n";
                    return Wrap(Ml.BertTokenizer.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)),
                        new Ml.BertOptions { LowerCaseBeforeTokenization = lower }));
                })];
            case "BPE":
                var merges = model["merges"]!.AsArray().Select(m => m is JsonArray a ? $"{a[0]} {a[1]}" : m!.GetValue<string>()).ToList();
                var split = FindSplitPattern(json["pre_tokenizer"]);
                var byteLevel = json.ToJsonString().Contains("\"ByteLevel\"", StringComparison.Ordinal);
                var list = new List<(string, Func<Encoder>)>
                {
                    ("BpeTokenizer", () => Wrap(Ml.BpeTokenizer.Create(new Ml.BpeOptions(vocab)
                    {
                        Merges = merges,
                        ByteLevel = byteLevel,
                        PreTokenizer = split is null ? null : new Ml.RegexPreTokenizer(new Regex(split, RegexOptions.Compiled), null),
                        Normalizer = byteLevel ? null : new MetaspaceNormalizer(),
                    }))),
                };
                if (byteLevel && split is not null)
                {
                    // A byte-level BPE whose ids are its merge ranks (Llama-3) is a tiktoken rank file in another dress.
                    list.Add(("TiktokenTokenizer", () => Wrap(Ml.TiktokenTokenizer.Create(new MemoryStream(RankFile(vocab)),
                        new Ml.RegexPreTokenizer(new Regex(split, RegexOptions.Compiled), null), null, new Dictionary<string, int>(), 8192))));
                }
                return list;
            default:
                return [];
        }
    }

    private static Encoder Wrap(Ml.Tokenizer t) => line => [.. t.EncodeToIds(line)];

    /// <summary>BertTokenizer adds [CLS]/[SEP] by default; the benchmark compares ids without special tokens.</summary>
    private static Encoder Wrap(Ml.BertTokenizer t) => line => [.. t.EncodeToIds(line, addSpecialTokens: false)];

    private static string? FindSplitPattern(JsonNode? pre) => pre switch
    {
        null => null,
        _ when pre["type"]?.GetValue<string>() == "Split" => pre["pattern"]?["Regex"]?.GetValue<string>(),
        _ when pre["pretokenizers"] is JsonArray all => all.Select(FindSplitPattern).FirstOrDefault(p => p is not null),
        _ => null,
    };

    /// <summary>"base64(bytes) rank" per line, the bytes decoded from the GPT-2 byte-level alphabet.</summary>
    private static byte[] RankFile(Dictionary<string, int> vocab)
    {
        var sb = new StringBuilder();
        foreach (var (token, id) in vocab.OrderBy(kv => kv.Value))
        {
            var bytes = new byte[token.Length];
            var ok = true;
            for (var i = 0; i < token.Length && ok; i++)
            {
                ok = ByteLevelAlphabet.TryGetByte(token[i], out bytes[i]);
            }
            if (ok)
            {
                sb.Append(Convert.ToBase64String(bytes)).Append(' ').Append(id).Append('\n');
            }
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Gemma's tokenizer.json normalizer (space → ▁), which Microsoft.ML.Tokenizers has no class for.</summary>
    private sealed class MetaspaceNormalizer : Ml.Normalizer
    {
        public override string Normalize(string original) => original.Replace(' ', '\u2581');

        public override string Normalize(ReadOnlySpan<char> original) => Normalize(original.ToString());
    }
}
