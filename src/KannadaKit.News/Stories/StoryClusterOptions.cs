namespace KannadaKit.News.Stories;

/// <summary>How near two articles must be to tell one story.</summary>
public sealed record StoryClusterOptions
{
    /// <summary>Aksharas per shingle.</summary>
    public int ShingleSize { get; init; } = 3;

    /// <summary>LSH bands; <see cref="Bands"/> × <see cref="Rows"/> MinHash permutations.</summary>
    public int Bands { get; init; } = 64;

    /// <summary>Values per band. Two rows in 64 bands find a pair at similarity 0.45 with probability 0.99999; 4 × 32
    /// would miss one pair in eight at 0.5. The cost is more candidates to verify, each a 128-value comparison.</summary>
    public int Rows { get; init; } = 2;

    /// <summary>
    /// Estimated Jaccard similarity at which two candidates join. text-dedup's NEWS-COPY setting is 0.45 on word
    /// 2-grams of copies; an outlet's rewrite of an agency report (new headline, case endings, a sentence more or
    /// less) lands around 0.45–0.55 on akshara 3-grams, and unrelated reports under 0.1, so 0.4 joins rewrites
    /// without joining neighbours.
    /// </summary>
    public double Threshold { get; init; } = 0.4;

    /// <summary>The MinHash seed (signatures stored in state must keep it).</summary>
    public int Seed { get; init; } = 1;
}
