namespace KannadaKit.Lexicon.Model;

/// <summary>
/// Everything known about one headword, each fact with its provenance. Importers produce partial entries (one source's
/// facts); the store merges them per source, so a re-import replaces that source's facts and nothing else.
/// </summary>
public sealed record LexiconEntry
{
    /// <summary>Creates an entry for an NFC headword.</summary>
    public LexiconEntry(string headword)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headword);
        Headword = headword.Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>The headword, NFC.</summary>
    public string Headword { get; }

    /// <summary>Meanings.</summary>
    public IReadOnlyList<Sense> Senses { get; init; } = [];

    /// <summary>Sentences using the word.</summary>
    public IReadOnlyList<UsageExample> Examples { get; init; } = [];

    /// <summary>Origin claims, strongest first once merged.</summary>
    public IReadOnlyList<Origin> Origins { get; init; } = [];

    /// <summary>Etymologies as sources give them.</summary>
    public IReadOnlyList<Etymology> Etymologies { get; init; } = [];

    /// <summary>Pronunciation, or null.</summary>
    public Pronunciation? Pronunciation { get; init; }

    /// <summary>Inflected forms from sources (computed tables are made on demand, not stored).</summary>
    public IReadOnlyList<InflectedForm> Forms { get; init; } = [];

    /// <summary>Links to other words.</summary>
    public IReadOnlyList<Relation> Relations { get; init; } = [];

    /// <summary>Sources that list the headword and say nothing more about it (a word list).</summary>
    public IReadOnlyList<Provenance> Attestations { get; init; } = [];

    /// <summary>Corpus frequencies, one per corpus source.</summary>
    public IReadOnlyList<Frequency> Frequencies { get; init; } = [];

    /// <summary>The strongest origin claim, or null.</summary>
    public Origin? BestOrigin => Origins.Count == 0 ? null : Origins.MaxBy(o => o.Confidence);

    /// <summary>Total corpus count over every source.</summary>
    public long TotalFrequency => Frequencies.Sum(f => f.Count);
}
