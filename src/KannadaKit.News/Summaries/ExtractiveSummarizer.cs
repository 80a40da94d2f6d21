using KannadaKit.Text.Segmentation;

namespace KannadaKit.News.Summaries;

/// <summary>
/// Extractive summaries with no model: Kannada sentences (KannadaKit.Text's splitter) ranked by TextRank over stem
/// overlap, weighted toward the lead as news is written, then chosen best first while they add something new
/// (redundancy control) and fit the akshara budget, and given back in document order.
/// </summary>
public sealed class ExtractiveSummarizer(SummaryOptions? options = null)
{
    private readonly SummaryOptions _options = options ?? new SummaryOptions();

    /// <summary>The summary of <paramref name="text"/>; empty for text with no sentences.</summary>
    public Summary Summarize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = Sentences(text);
        if (sentences.Count == 0)
            return new Summary([], []);
        var stems = sentences.Select(s => SummaryWords.Of(s).Select(SummaryWords.Stem).ToHashSet(StringComparer.Ordinal)).ToList();
        var rank = TextRank(stems);
        var order = Enumerable.Range(0, sentences.Count)
            .OrderByDescending(i => rank[i] * (1 + (_options.Lead / (1 + i))))
            .ThenBy(i => i);
        var chosen = new List<int>();
        int used = 0;
        foreach (int i in order)
        {
            if (chosen.Count >= _options.Sentences)
                break;
            int length = Aksharas.Count(sentences[i]);
            if (chosen.Count > 0 && used + length > _options.AksharaBudget)
                continue;
            if (stems[i].Count == 0 || chosen.Any(j => Overlap(stems[i], stems[j]) > _options.Redundancy))
                continue;
            chosen.Add(i);
            used += length;
        }

        chosen.Sort();
        return new Summary([.. chosen.Select(i => sentences[i])], chosen);
    }

    /// <summary>The article's sentences, trimmed, blank ones dropped.</summary>
    public static List<string> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            foreach (var seg in SentenceSplitter.Default.Split(paragraph))
            {
                string s = seg.Of(paragraph).Trim().Trim('\uFEFF').Trim();
                if (s.Length > 0)
                    list.Add(s);
            }
        }

        return list;
    }

    // PageRank over the sentence graph; edges weighted as in Mihalcea & Tarau: |common| / (log|a| + log|b|).
    private static double[] TextRank(List<HashSet<string>> stems, int iterations = 50, double damping = 0.85)
    {
        int n = stems.Count;
        var w = new double[n, n];
        var outSum = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                int common = stems[i].Count(stems[j].Contains);
                double denom = Math.Log(stems[i].Count + 1) + Math.Log(stems[j].Count + 1);
                double weight = common == 0 || denom <= 0 ? 0 : common / denom;
                w[i, j] = w[j, i] = weight;
                outSum[i] += weight;
                outSum[j] += weight;
            }
        }

        var score = Enumerable.Repeat(1.0, n).ToArray();
        var next = new double[n];
        for (int it = 0; it < iterations; it++)
        {
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++)
                {
                    if (w[j, i] > 0 && outSum[j] > 0)
                        sum += w[j, i] / outSum[j] * score[j];
                }

                next[i] = (1 - damping) + (damping * sum);
                change += Math.Abs(next[i] - score[i]);
            }

            (score, next) = (next, score);
            if (change < 1e-6)
                break;
        }

        return score;
    }

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count);
}
