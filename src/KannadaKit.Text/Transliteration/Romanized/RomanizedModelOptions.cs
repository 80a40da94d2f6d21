namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>How a romanized-input model is trained and how its decoder searches. Immutable.</summary>
public sealed record RomanizedModelOptions
{
    /// <summary>Order of the native symbol n-gram model.</summary>
    public int LmOrder { get; init; } = 6;

    /// <summary>EM iterations of the letter aligner.</summary>
    public int AlignIterations { get; init; } = 6;

    /// <summary>Weight of the native language model against the spelling model.</summary>
    public double LmWeight { get; init; } = 1.0;

    /// <summary>
    /// Bonus (log-space) for a candidate found in the word list, per unit of log frequency. 0 by default: the
    /// n-gram model is trained on the same words, and any bonus lowered accuracy on the Dakshina dev pairs.
    /// </summary>
    public double LexiconWeight { get; init; }

    /// <summary>Hypotheses kept per input position.</summary>
    public int Beam { get; init; } = 6;

    /// <summary>Most native readings tried for one Latin chunk.</summary>
    public int MaxReadingsPerChunk { get; init; } = 8;

    /// <summary>Readings of a chunk this far (natural log) below its best are not tried.</summary>
    public double ChunkLogWindow { get; init; } = 6;

    /// <summary>Hypotheses this far (natural log) below the best at their position are dropped at once.</summary>
    public double ScoreWindow { get; init; } = 7;

    /// <summary>Spellings less likely than this for a symbol are dropped from the model.</summary>
    public double MinSpellingProbability { get; init; } = 0.002;

    /// <summary>Weight of corpus words in the language model: count to the power of this (1 = tokens, 0 = types).</summary>
    public double CorpusCountExponent { get; init; } = 0.5;
}
