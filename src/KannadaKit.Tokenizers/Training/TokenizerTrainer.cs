using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.Tokenizers.Training;

/// <summary>
/// Trains tokenizers and writes them as Hugging Face tokenizer.json, which both our runtime and the HF library load
/// (the parity tests check they encode alike). BPE merges the most frequent adjacent pair (ties: the pair whose
/// token ids are smaller); with <see cref="TrainerOptions.KeepAksharas"/> the merges that build each akshara come
/// first, so the runtime completes aksharas before it joins them.
/// </summary>
public static class TokenizerTrainer
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Trains on the given lines and returns the tokenizer.json text.</summary>
    public static string Train(IEnumerable<string> lines, TrainerOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(options);
        var skeleton = Skeleton(options);
        var pipeline = HfTokenizer.FromJson(skeleton.ToJsonString(), "trainer");
        if (options.Segmentation == TokenSegmentation.Shortest && options.Kind != TokenizerKind.ByteLevelBpe)
        {
            throw new ArgumentException("shortest segmentation applies to byte-level BPE only", nameof(options));
        }

        var superwords = options.SuperwordShare > 0 && options.Kind == TokenizerKind.ByteLevelBpe;
        var lineList = superwords ? lines.ToList() : null;
        var words = CountWords(lineList ?? lines, pipeline);
        if (words.Count == 0)
        {
            // Every trainer needs at least one word; Unigram's seeding failed inside LINQ on an empty corpus (regression).
            throw new TokenizerException("the corpus has no text to learn from: expected at least one non-empty line");
        }
        progress?.Report($"{words.Count:N0} distinct pre-tokens");
        var model = options.Kind switch
        {
            TokenizerKind.Unigram => UnigramTrainer.Train(words, options, progress),
            _ => BpeTrainer.Train(words, options, progress, superwords ? LinePieces(lineList!, pipeline) : null),
        };
        if (superwords)
        {
            // Merges may now span words: the whole line must reach the model as one piece.
            skeleton["pre_tokenizer"] = KannadaPreTokenization.ByteLevel(false, false);
        }

        skeleton["model"] = model;
        skeleton["added_tokens"] = AddedTokens(options, model);
        if (options.Kind == TokenizerKind.WordPiece)
        {
            // [CLS]/[SEP] take whatever ids the special-token list gave them; without both there is no BERT framing.
            var map = model["vocab"]!.AsObject();
            skeleton["post_processor"] = map["[CLS]"] is { } cls && map["[SEP]"] is { } sep
                ? new JsonObject { ["type"] = "BertProcessing", ["sep"] = new JsonArray("[SEP]", sep.GetValue<int>()), ["cls"] = new JsonArray("[CLS]", cls.GetValue<int>()) }
                : null;
        }
        return skeleton.ToJsonString(s_json);
    }

    internal static IReadOnlyList<string> Specials(TrainerOptions options) => options.SpecialTokens ?? options.Kind switch
    {
        TokenizerKind.WordPiece => ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"],
        TokenizerKind.Unigram => ["<pad>", "</s>", "<unk>"],
        TokenizerKind.Bpe => ["<unk>", "<s>", "</s>"],
        _ => ["<|endoftext|>"],
    };

    /// <summary>
    /// The base alphabet: characters by descending frequency until they cover <see cref="TrainerOptions.CharacterCoverage"/>
    /// of all occurrences (frequent characters past that point still count), with each character's frequency.
    /// </summary>
    internal static List<(string Char, long Count)> Alphabet(Dictionary<string, long> words, TrainerOptions options)
    {
        var charCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (word, count) in words)
        {
            foreach (var c in Units(word, aksharas: false))
            {
                charCounts[c] = charCounts.GetValueOrDefault(c) + count;
            }
        }

        var alphabet = new List<(string, long)>();
        var total = charCounts.Values.Sum();
        long covered = 0;
        foreach (var (c, n) in charCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (covered >= total * options.CharacterCoverage && n < options.MinFrequency * 50)
            {
                break;
            }

            alphabet.Add((c, n));
            covered += n;
        }

        return alphabet;
    }

    /// <summary>Splits a pre-token into initial symbols: aksharas (when kept) or code points.</summary>
    internal static List<string> Units(string word, bool aksharas)
    {
        var units = new List<string>();
        for (var i = 0; i < word.Length;)
        {
            var n = aksharas ? Math.Max(1, Aksharas.NextLength(word, i)) : char.IsHighSurrogate(word[i]) && i + 1 < word.Length ? 2 : 1;
            units.Add(word.Substring(i, n));
            i += n;
        }

        return units;
    }

    private static Dictionary<string, (string[] Pieces, long Count)> LinePieces(List<string> lines, HfTokenizer pipeline)
    {
        var result = new Dictionary<string, (string[], long)>(StringComparer.Ordinal);
        var pieces = new List<string>();
        foreach (var line in lines)
        {
            if (result.TryGetValue(line, out var seen))
            {
                result[line] = (seen.Item1, seen.Item2 + 1);
                continue;
            }

            pieces.Clear();
            pipeline.PreTokenize(line, pieces);
            result[line] = ([.. pieces], 1);
        }

        return result;
    }

    private static Dictionary<string, long> CountWords(IEnumerable<string> lines, HfTokenizer pipeline)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var pieces = new List<string>();
        foreach (var line in lines)
        {
            pieces.Clear();
            pipeline.PreTokenize(line, pieces);
            foreach (var p in pieces)
            {
                counts[p] = counts.GetValueOrDefault(p) + 1;
            }
        }

        return counts;
    }

    private static JsonArray AddedTokens(TrainerOptions options, JsonObject model)
    {
        var array = new JsonArray();
        foreach (var special in Specials(options))
        {
            int id;
            if (model["vocab"] is JsonObject map)
            {
                id = map[special]!.GetValue<int>();
            }
            else
            {
                id = model["vocab"]!.AsArray().Select((p, i) => (p![0]!.GetValue<string>(), i)).First(p => p.Item1 == special).i;
            }

            array.Add(new JsonObject
            {
                ["id"] = id,
                ["content"] = special,
                ["single_word"] = false,
                ["lstrip"] = false,
                ["rstrip"] = false,
                ["normalized"] = false,
                ["special"] = true,
            });
        }

        return array;
    }

    private static JsonObject Skeleton(TrainerOptions options)
    {
        var wordPiece = options.Kind == TokenizerKind.WordPiece;
        var prefix = options.PrefixSpace && !wordPiece;
        var root = new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = new JsonArray(),
            ["normalizer"] = wordPiece ? KannadaPreTokenization.Nfc() : KannadaPreTokenization.Normalizer(options.CollapseWhitespace, prefix),
        };
        switch (options.Kind)
        {
            case TokenizerKind.ByteLevelBpe:
                root["pre_tokenizer"] = new JsonObject
                {
                    ["type"] = "Sequence",
                    ["pretokenizers"] = new JsonArray(KannadaPreTokenization.Split(), KannadaPreTokenization.ByteLevel(false, false)),
                };
                // Trimming would move the first token's start past the prefix space onto its first letter.
                root["post_processor"] = KannadaPreTokenization.ByteLevel(false, false, trimOffsets: !prefix);
                root["decoder"] = prefix
                    ? new JsonObject { ["type"] = "Sequence", ["decoders"] = new JsonArray(KannadaPreTokenization.ByteLevel(false, false), KannadaPreTokenization.StripPrefixSpace()) }
                    : KannadaPreTokenization.ByteLevel(false, false);
                break;
            case TokenizerKind.Bpe:
            case TokenizerKind.Unigram:
                root["pre_tokenizer"] = new JsonObject
                {
                    ["type"] = "Sequence",
                    ["pretokenizers"] = new JsonArray(KannadaPreTokenization.Split(), new JsonObject
                    {
                        ["type"] = "Metaspace", ["replacement"] = "▁", ["prepend_scheme"] = "never", ["split"] = false,
                    }),
                };
                root["post_processor"] = null;
                var decoders = new JsonArray();
                if (options.Kind == TokenizerKind.Bpe)
                {
                    decoders.Add(new JsonObject { ["type"] = "ByteFallback" });
                }

                // Metaspace's own prefix handling ("first") would drop a space the input really began with; the
                // prefix space is added by the normalizer and taken off here, after the tokens are fused.
                decoders.Add(new JsonObject { ["type"] = "Metaspace", ["replacement"] = "▁", ["prepend_scheme"] = "never", ["split"] = false });
                decoders.Add(new JsonObject { ["type"] = "Fuse" });
                if (prefix)
                {
                    decoders.Add(KannadaPreTokenization.StripPrefixSpace());
                }

                root["decoder"] = new JsonObject { ["type"] = "Sequence", ["decoders"] = decoders };
                break;
            case TokenizerKind.WordPiece:
                root["pre_tokenizer"] = new JsonObject { ["type"] = "BertPreTokenizer" };
                root["post_processor"] = null;
                root["decoder"] = new JsonObject { ["type"] = "WordPiece", ["prefix"] = "##", ["cleanup"] = true };
                break;
        }

        root["model"] = new JsonObject { ["type"] = "WordLevel", ["vocab"] = new JsonObject(), ["unk_token"] = "<unk>" };
        return root;
    }
}
