using KannadaKit.Text.Transliteration.Romanized;

namespace KannadaKit.Testing;

/// <summary>Trains the romanized-input model on the shared Dakshina data and scores it, for tests and the bench.</summary>
public static class RomanizedEval
{
    /// <summary>Files the evaluation needs.</summary>
    public static readonly string[] Files =
        [Corpora.TranslitTrain, Corpora.TranslitDev, Corpora.Wiki5MB, Corpora.RomanizedDevRoman, Corpora.RomanizedDevNative];

    /// <summary>Trains on the Dakshina training pairs and the 5 MB corpus word list (never on dev data).</summary>
    public static RomanizedModel Train(RomanizedModelOptions? options = null) =>
        RomanizedModel.Train(RomanizedTrainingData.ReadPairs(SharedData.PathOf(Corpora.TranslitTrain)),
            RomanizedTrainingData.CountWords(SharedData.PathOf(Corpora.Wiki5MB)).Select(kv => (kv.Key, kv.Value)), options);

    /// <summary>The dev pairs.</summary>
    public static List<(string Kannada, string Roman, int Count)> DevPairs() =>
        RomanizedTrainingData.ReadPairs(SharedData.PathOf(Corpora.TranslitDev));

    /// <summary>Top-1 and top-5 word accuracy, per dev row (each romanization once) and weighted by its count.</summary>
    public static (double Top1, double Top5, double WeightedTop1, double WeightedTop5) WordAccuracy(
        Func<string, IReadOnlyList<string>> decode, List<(string Kannada, string Roman, int Count)> dev)
    {
        int t1 = 0, t5 = 0;
        double w1 = 0, w5 = 0, wt = 0;
        foreach (var (kannada, roman, count) in dev)
        {
            var candidates = decode(roman);
            int rank = -1;
            for (int i = 0; i < Math.Min(5, candidates.Count); i++)
            {
                if (candidates[i] == kannada)
                {
                    rank = i;
                    break;
                }
            }
            wt += count;
            if (rank == 0)
            {
                t1++;
                w1 += count;
            }
            if (rank >= 0)
            {
                t5++;
                w5 += count;
            }
        }
        return (t1 / (double)dev.Count, t5 / (double)dev.Count, w1 / wt, w5 / wt);
    }

    /// <summary>Character error rate of decoded dev sentences: total edit distance over total reference length.</summary>
    public static double SentenceCer(Func<string, string> decodeLine, int maxLines = int.MaxValue)
    {
        var roman = File.ReadLines(SharedData.PathOf(Corpora.RomanizedDevRoman)).Take(maxLines).ToList();
        var native = File.ReadLines(SharedData.PathOf(Corpora.RomanizedDevNative)).Take(maxLines).ToList();
        long edits = 0, length = 0;
        for (int i = 0; i < roman.Count; i++)
        {
            edits += EditDistance(decodeLine(roman[i]), native[i]);
            length += native[i].Length;
        }
        return edits / (double)length;
    }

    /// <summary>Levenshtein distance over UTF-16 code units (Kannada is all in the BMP).</summary>
    public static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
            prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
