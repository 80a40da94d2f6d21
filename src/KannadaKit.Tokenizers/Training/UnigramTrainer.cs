using System.Text.Json.Nodes;

namespace KannadaKit.Tokenizers.Training;

/// <summary>
/// Unigram training: seed with frequent substrings (cut at akshara boundaries when aksharas are kept), then alternate
/// Viterbi re-estimation (hard EM) with pruning the least used pieces until the vocabulary fits. Every character of
/// the base alphabet stays, so only characters outside it become the unknown piece.
/// </summary>
internal static class UnigramTrainer
{
    private const int EmRounds = 2;
    private const double PruneShare = 0.25;

    public static JsonObject Train(Dictionary<string, long> words, TrainerOptions options, IProgress<string>? progress)
    {
        var specials = TokenizerTrainer.Specials(options);
        var target = options.VocabSize - specials.Count;

        // Base alphabet by coverage; the characters in it can never be pruned.
        var baseChars = TokenizerTrainer.Alphabet(words, options);
        var alphabet = baseChars.Select(c => c.Char).ToHashSet(StringComparer.Ordinal);

        // Seed: substrings between unit boundaries, weighted by frequency × length.
        var seed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (word, count) in words)
        {
            var units = TokenizerTrainer.Units(word, options.KeepAksharas);
            for (var i = 0; i < units.Count; i++)
            {
                var piece = string.Empty;
                for (var j = i; j < units.Count; j++)
                {
                    piece += units[j];
                    if (piece.Length > options.MaxPieceLength)
                    {
                        break;
                    }

                    seed[piece] = seed.GetValueOrDefault(piece) + count;
                }
            }
        }

        var seedSize = Math.Max(target * 4, 10_000);
        var pieces = seed.Where(kv => kv.Value >= options.MinFrequency && kv.Key.Length > 1)
            .OrderByDescending(kv => kv.Value * kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(seedSize).ToDictionary(kv => kv.Key, kv => (double)kv.Value, StringComparer.Ordinal);
        foreach (var (c, n) in baseChars)
        {
            pieces[c] = n;
        }

        progress?.Report($"unigram seed: {pieces.Count:N0} pieces");
        var wordList = words.ToList();
        var logProb = Normalize(pieces);
        while (true)
        {
            Dictionary<string, double> counts = [];
            for (var round = 0; round < EmRounds; round++)
            {
                counts = ViterbiCounts(wordList, logProb, options.MaxPieceLength);
                foreach (var c in alphabet)
                {
                    counts[c] = counts.GetValueOrDefault(c) + 1; // keep the alphabet alive
                }

                logProb = Normalize(counts);
            }

            if (logProb.Count <= target)
            {
                break;
            }

            // Drop the least used multi-character pieces, never below the target.
            var removable = logProb.Keys.Where(p => !alphabet.Contains(p))
                .OrderBy(p => counts.GetValueOrDefault(p)).ThenBy(p => p, StringComparer.Ordinal).ToList();
            var drop = Math.Min(removable.Count, Math.Max(1, Math.Min((int)(logProb.Count * PruneShare), logProb.Count - target)));
            foreach (var p in removable.Take(drop))
            {
                logProb.Remove(p);
            }

            logProb = Normalize(logProb.ToDictionary(kv => kv.Key, kv => Math.Exp(kv.Value), StringComparer.Ordinal));
            progress?.Report($"unigram: {logProb.Count:N0} pieces");
        }

        var vocab = new JsonArray();
        foreach (var s in specials)
        {
            vocab.Add(new JsonArray(s, 0.0));
        }

        foreach (var (piece, lp) in logProb.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!specials.Contains(piece))
            {
                vocab.Add(new JsonArray(piece, Math.Round(lp, 6)));
            }
        }

        var unk = specials.ToList().IndexOf("<unk>");
        return new JsonObject
        {
            ["type"] = "Unigram",
            ["unk_id"] = unk >= 0 ? unk : null,
            ["vocab"] = vocab,
            ["byte_fallback"] = false,
        };
    }

    private static Dictionary<string, double> Normalize(Dictionary<string, double> counts)
    {
        var sum = counts.Values.Where(v => v > 0).Sum();
        return counts.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => Math.Log(kv.Value / sum), StringComparer.Ordinal);
    }

    private static Dictionary<string, double> ViterbiCounts(List<KeyValuePair<string, long>> words, Dictionary<string, double> logProb, int maxLen)
    {
        var lookup = logProb.GetAlternateLookup<ReadOnlySpan<char>>();
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var unknown = logProb.Values.Min() - 10;
        foreach (var (word, count) in words)
        {
            var n = word.Length;
            var best = new double[n + 1];
            var from = new int[n + 1];
            Array.Fill(best, double.NegativeInfinity);
            best[0] = 0;
            for (var s = 0; s < n; s++)
            {
                if (double.IsNegativeInfinity(best[s]))
                {
                    continue;
                }

                var any = false;
                for (var len = 1; len <= Math.Min(maxLen, n - s); len++)
                {
                    if (lookup.TryGetValue(word.AsSpan(s, len), out var lp))
                    {
                        any |= len == 1;
                        if (best[s] + lp > best[s + len])
                        {
                            best[s + len] = best[s] + lp;
                            from[s + len] = s;
                        }
                    }
                }

                if (!any && best[s] + unknown > best[s + 1])
                {
                    best[s + 1] = best[s] + unknown;
                    from[s + 1] = s;
                }
            }

            for (var e = n; e > 0; e = from[e])
            {
                var piece = word[from[e]..e];
                if (logProb.ContainsKey(piece))
                {
                    counts[piece] = counts.GetValueOrDefault(piece) + count;
                }
            }
        }

        return counts;
    }
}
