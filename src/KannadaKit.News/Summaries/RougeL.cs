namespace KannadaKit.News.Summaries;

/// <summary>
/// ROUGE-L F1 (longest common subsequence of words): precision LCS/|candidate|, recall LCS/|reference|, F the
/// harmonic mean. Over <see cref="SummaryWords"/> by default — Google's rouge_score tokenizer deletes every Kannada
/// letter and scores Kannada as 0 — or over whitespace tokens with punctuation removed, the way the reference
/// figure for NTREX lead-1 (16.7) was measured.
/// </summary>
public static class RougeL
{
    /// <summary>F1 between 0 and 1 over Kannada-aware words.</summary>
    public static double F1(string candidate, string reference) => F1(SummaryWords.Of(candidate), SummaryWords.Of(reference));

    /// <summary>F1 over whitespace-separated tokens after removing punctuation (for comparison with published figures).</summary>
    public static double F1Whitespace(string candidate, string reference) => F1(Whitespace(candidate), Whitespace(reference));

    /// <summary>F1 over given token lists.</summary>
    public static double F1(IReadOnlyList<string> candidate, IReadOnlyList<string> reference)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        if (candidate.Count == 0 || reference.Count == 0)
            return 0;
        int lcs = Lcs(candidate, reference);
        if (lcs == 0)
            return 0;
        double p = (double)lcs / candidate.Count, r = (double)lcs / reference.Count;
        return 2 * p * r / (p + r);
    }

    private static int Lcs(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var prev = new int[b.Count + 1];
        var cur = new int[b.Count + 1];
        for (int i = 1; i <= a.Count; i++)
        {
            for (int j = 1; j <= b.Count; j++)
                cur[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            (prev, cur) = (cur, prev);
        }

        return prev[b.Count];
    }

    private static List<string> Whitespace(string text)
    {
        var chars = text.Select(c => char.IsPunctuation(c) || char.IsSymbol(c) ? ' ' : c).ToArray();
        return [.. new string(chars).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)];
    }
}
