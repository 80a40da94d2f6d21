using System.Text;
using System.Text.Json.Nodes;
using KannadaKit.Tokenizers.Models;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Training;

/// <summary>
/// BPE (character-level with byte fallback, or byte-level) and WordPiece training. Merges come in up to three phases:
/// characters from bytes (byte-level), aksharas from characters (when kept), then ordinary frequency-driven BPE.
/// Lower phases get lower ranks, so a runtime applying merges by rank completes characters, then aksharas, first.
/// </summary>
internal static class BpeTrainer
{
    public static JsonObject Train(Dictionary<string, long> words, TrainerOptions options, IProgress<string>? progress,
        Dictionary<string, (string[] Pieces, long Count)>? lines = null)
    {
        var byteLevel = options.Kind == TokenizerKind.ByteLevelBpe;
        var wordPiece = options.Kind == TokenizerKind.WordPiece;
        var specials = TokenizerTrainer.Specials(options);
        var vocab = new Vocabulary();
        foreach (var s in specials)
        {
            vocab.Add(s);
        }

        if (options.Kind == TokenizerKind.Bpe)
        {
            for (var b = 0; b < 256; b++)
            {
                vocab.Add($"<0x{b:X2}>");
            }
        }

        // Base alphabet: all 256 byte stand-ins, or the characters that cover the corpus.
        if (byteLevel)
        {
            for (var b = 0; b < 256; b++)
            {
                vocab.Add(ByteLevelAlphabet.CharOf((byte)b).ToString());
            }
        }
        else
        {
            foreach (var (c, _) in TokenizerTrainer.Alphabet(words, options))
            {
                vocab.Add(c);
                if (wordPiece)
                {
                    vocab.Add("##" + c);
                }
            }
        }

        var merges = new List<(string, string)>();
        // Characters and aksharas may take at most 60 % of what the base alphabet leaves.
        var cap = vocab.Count + ((options.VocabSize - vocab.Count) * 3 / 5);
        if (options.KeepAksharas && !wordPiece)
        {
            AksharaMerges(words, byteLevel, vocab, merges, cap, options.MinFrequency);
            progress?.Report($"{merges.Count:N0} merges build characters and aksharas");
        }

        // Words as symbol sequences: the runtime's own BPE over the merges so far, so training sees what it will see.
        var wordList = words.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var sequences = new List<int[]>(wordList.Count);
        var counts = new long[wordList.Count];
        if (wordPiece)
        {
            for (var w = 0; w < wordList.Count; w++)
            {
                var units = TokenizerTrainer.Units(wordList[w].Key, options.KeepAksharas);
                var seq = new int[units.Count];
                for (var i = 0; i < units.Count; i++)
                {
                    var key = i == 0 ? units[i] : "##" + units[i];
                    seq[i] = vocab.Contains(key) || units[i].Length > 1 ? vocab.Add(key) : -1;
                }

                sequences.Add(seq);
                counts[w] = wordList[w].Value;
            }
        }
        else
        {
            var model = new BpeModel(vocab.ToDictionary(), merges, new BpeOptions(
                byteLevel ? null : "<unk>", null, null, false, !byteLevel, false), (r, t) => new InvalidOperationException(t));
            var buffer = new List<ModelToken>();
            for (var w = 0; w < wordList.Count; w++)
            {
                buffer.Clear();
                model.Tokenize(wordList[w].Key, buffer);
                // Byte-fallback tokens never take part in merges.
                sequences.Add(buffer.Select(t => !byteLevel && vocab.Token(t.Id).StartsWith("<0x", StringComparison.Ordinal) && vocab.Token(t.Id).Length == 6 ? -1 : t.Id).ToArray());
                counts[w] = wordList[w].Value;
            }
        }

        var withinWords = lines is null ? options.VocabSize
            : options.VocabSize - (int)(options.SuperwordShare * (options.VocabSize - vocab.Count));
        PairMerges(sequences, counts, vocab, merges, withinWords, options.MinFrequency, wordPiece);
        progress?.Report($"vocabulary {vocab.Count:N0}, {merges.Count:N0} merges");
        if (lines is not null)
        {
            // Superwords: whole lines, encoded as the runtime will (the within-word merges applied over the whole
            // line), then merged on across word boundaries.
            var lineModel = new BpeModel(vocab.ToDictionary(), merges, new BpeOptions(null, null, null, false, false, false),
                (r, t) => new InvalidOperationException(t));
            var lineSeqs = new List<int[]>(lines.Count);
            var lineCounts = new List<long>(lines.Count);
            var buffer = new List<ModelToken>();
            foreach (var (pieces, count) in lines.Values)
            {
                buffer.Clear();
                lineModel.Tokenize(string.Concat(pieces), buffer);
                lineSeqs.Add(buffer.Select(t => t.Id).ToArray());
                lineCounts.Add(count);
            }

            PairMerges(lineSeqs, [.. lineCounts], vocab, merges, options.VocabSize, options.MinFrequency, wordPiece);
            progress?.Report($"vocabulary {vocab.Count:N0} with superwords, {merges.Count:N0} merges");
        }

        if (wordPiece)
        {
            return new JsonObject
            {
                ["type"] = "WordPiece",
                ["unk_token"] = "[UNK]",
                ["continuing_subword_prefix"] = "##",
                ["max_input_chars_per_word"] = 100,
                ["vocab"] = vocab.ToJson(),
            };
        }

        if (options.Segmentation == TokenSegmentation.Shortest)
        {
            var texts = lines is not null
                ? lines.Values.Select(l => (string.Concat(l.Pieces), l.Count))
                : words.Select(kv => (kv.Key, kv.Value));
            progress?.Report("shortest segmentation: scoring the pieces by their use on the fewest-token paths");
            return ShortestSegmentation.Model([.. Enumerable.Range(0, vocab.Count).Select(vocab.Token)], specials.Count, texts);
        }

        return new JsonObject
        {
            ["type"] = "BPE",
            ["dropout"] = null,
            ["unk_token"] = byteLevel ? null : "<unk>",
            ["continuing_subword_prefix"] = null,
            ["end_of_word_suffix"] = null,
            ["fuse_unk"] = !byteLevel,
            ["byte_fallback"] = !byteLevel,
            ["ignore_merges"] = false,
            ["vocab"] = vocab.ToJson(),
            ["merges"] = new JsonArray(merges.Select(m => (JsonNode)new JsonArray(m.Item1, m.Item2)).ToArray()),
        };
    }

    private static void AksharaMerges(Dictionary<string, long> words, bool byteLevel, Vocabulary vocab,
        List<(string, string)> merges, int cap, int minFrequency)
    {
        var aksharaCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        var charCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (word, count) in words)
        {
            var text = byteLevel ? FromByteLevel(word) : word;
            if (text is null)
            {
                continue;
            }

            foreach (var a in TokenizerTrainer.Units(text, aksharas: true))
            {
                aksharaCounts[a] = aksharaCounts.GetValueOrDefault(a) + count;
                if (byteLevel)
                {
                    foreach (var c in TokenizerTrainer.Units(a, aksharas: false))
                    {
                        charCounts[c] = charCounts.GetValueOrDefault(c) + count;
                    }
                }
            }
        }

        void Chain(IReadOnlyList<string> parts)
        {
            var left = parts[0];
            for (var i = 1; i < parts.Count; i++)
            {
                var merged = left + parts[i];
                if (!vocab.Contains(merged))
                {
                    vocab.Add(merged);
                    merges.Add((left, parts[i]));
                }

                left = merged;
            }
        }

        if (byteLevel)
        {
            foreach (var (c, n) in Ranked(charCounts))
            {
                var bytes = ToByteLevel(c);
                if (bytes.Length > 1 && n >= minFrequency && vocab.Count < cap)
                {
                    Chain(bytes.Select(b => b.ToString()).ToList());
                }
            }
        }

        foreach (var (a, n) in Ranked(aksharaCounts))
        {
            var chars = TokenizerTrainer.Units(a, aksharas: false).Select(c => byteLevel ? ToByteLevel(c) : c).ToList();
            if (chars.Count > 1 && n >= minFrequency && vocab.Count < cap && chars.All(vocab.Contains))
            {
                Chain(chars);
            }
        }
    }

    private static IEnumerable<(string Key, long Count)> Ranked(Dictionary<string, long> counts) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value));

    private static string ToByteLevel(string text)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            sb.Append(ByteLevelAlphabet.CharOf(b));
        }

        return sb.ToString();
    }

    private static string? FromByteLevel(string mapped)
    {
        var bytes = new byte[mapped.Length];
        for (var i = 0; i < mapped.Length; i++)
        {
            if (!ByteLevelAlphabet.TryGetByte(mapped[i], out bytes[i]))
            {
                return null;
            }
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Classic BPE: repeatedly merge the most frequent adjacent pair, updating counts incrementally.</summary>
    private static void PairMerges(List<int[]> sequences, long[] counts, Vocabulary vocab, List<(string, string)> merges,
        int limit, int minFrequency, bool wordPiece)
    {
        var pairCounts = new Dictionary<long, long>(PairKeyComparer.Instance);
        var where = new Dictionary<long, HashSet<int>>(PairKeyComparer.Instance);
        for (var w = 0; w < sequences.Count; w++)
        {
            AddPairs(sequences[w], w, counts[w], +1, pairCounts, where);
        }

        // A pair merged before (possible across word boundaries) is never listed twice.
        var known = new HashSet<(string, string)>(merges);
        var heap = new PriorityQueue<long, (long NegCount, long Pair)>();
        foreach (var (pair, n) in pairCounts)
        {
            heap.Enqueue(pair, (-n, pair));
        }

        while (vocab.Count < limit && heap.TryDequeue(out var pair, out var priority))
        {
            var current = pairCounts.GetValueOrDefault(pair);
            if (current != -priority.NegCount)
            {
                if (current > 0)
                {
                    heap.Enqueue(pair, (-current, pair));
                }

                continue;
            }

            if (current < minFrequency)
            {
                break;
            }

            var a = (int)(pair >> 32);
            var b = (int)(pair & 0xFFFFFFFF);
            var left = vocab.Token(a);
            var right = vocab.Token(b);
            if (!known.Add((left, right)))
            {
                pairCounts[pair] = 0;
                continue;
            }

            var mergedText = wordPiece && right.StartsWith("##", StringComparison.Ordinal) ? left + right[2..] : left + right;
            var merged = vocab.Add(mergedText);
            merges.Add((left, right));
            var touched = new HashSet<long>();
            foreach (var w in where[pair].ToList())
            {
                var seq = sequences[w];
                AddPairs(seq, w, counts[w], -1, pairCounts, where, touched);
                var output = new List<int>(seq.Length);
                for (var i = 0; i < seq.Length; i++)
                {
                    if (i + 1 < seq.Length && seq[i] == a && seq[i + 1] == b)
                    {
                        output.Add(merged);
                        i++;
                    }
                    else
                    {
                        output.Add(seq[i]);
                    }
                }

                sequences[w] = [.. output];
                AddPairs(sequences[w], w, counts[w], +1, pairCounts, where, touched);
            }

            foreach (var t in touched)
            {
                if (pairCounts.GetValueOrDefault(t) > 0)
                {
                    heap.Enqueue(t, (-pairCounts[t], t));
                }
            }
        }
    }

    private static void AddPairs(int[] seq, int word, long count, int sign, Dictionary<long, long> pairCounts,
        Dictionary<long, HashSet<int>> where, HashSet<long>? touched = null)
    {
        for (var i = 0; i + 1 < seq.Length; i++)
        {
            if (seq[i] < 0 || seq[i + 1] < 0)
            {
                continue;
            }

            var key = ((long)seq[i] << 32) | (uint)seq[i + 1];
            var n = pairCounts.GetValueOrDefault(key) + (sign * count);
            pairCounts[key] = n;
            touched?.Add(key);
            if (sign > 0)
            {
                if (!where.TryGetValue(key, out var set))
                {
                    where[key] = set = [];
                }

                set.Add(word);
            }
        }
    }

    /// <summary>Token strings in id order.</summary>
    private sealed class Vocabulary
    {
        private readonly List<string> _tokens = [];
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public int Count => _tokens.Count;

        public bool Contains(string token) => _ids.ContainsKey(token);

        public int Add(string token)
        {
            if (_ids.TryGetValue(token, out var id))
            {
                return id;
            }

            _ids[token] = _tokens.Count;
            _tokens.Add(token);
            return _tokens.Count - 1;
        }

        public string Token(int id) => _tokens[id];

        public Dictionary<string, int> ToDictionary() => new(_ids, StringComparer.Ordinal);

        public JsonObject ToJson()
        {
            var o = new JsonObject();
            for (var i = 0; i < _tokens.Count; i++)
            {
                o[_tokens[i]] = i;
            }

            return o;
        }
    }
}
