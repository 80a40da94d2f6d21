namespace KannadaKit.Lexicon.Import;

/// <summary>What counts as a headword and as a good example when harvesting a corpus.</summary>
public sealed record CorpusHarvestOptions
{
    /// <summary>Defaults: every attested word (its count says how far to trust it); examples of 4–25 words, at most 200 characters.</summary>
    public static CorpusHarvestOptions Default { get; } = new();

    /// <summary>A word (with its folded inflected forms) must occur this often to become a headword.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Fewest words in an example sentence.</summary>
    public int MinExampleWords { get; init; } = 4;

    /// <summary>Most words in an example sentence.</summary>
    public int MaxExampleWords { get; init; } = 25;

    /// <summary>Longest example sentence, in characters.</summary>
    public int MaxExampleChars { get; init; } = 200;

    /// <summary>Fold an inflected form into its lemma when the lemma is attested too.</summary>
    public bool FoldInflections { get; init; } = true;

    /// <summary>The corpus licence, kept with every fact.</summary>
    public string Licence { get; init; } = "unknown";
}
