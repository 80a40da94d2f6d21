namespace KannadaKit.Lexicon.Ellara;

/// <summary>Which of the seven changes apply, and which words (names) are left as they are.</summary>
public sealed record EllaraOptions
{
    /// <summary>All seven changes, no exempt words.</summary>
    public static EllaraOptions Default { get; } = new();

    /// <summary>The changes that apply (all seven by default).</summary>
    public IReadOnlySet<EllaraChange> Changes { get; init; } = new HashSet<EllaraChange>(Enum.GetValues<EllaraChange>());

    /// <summary>Words kept as written, compared in NFC: Bhat exempts place and personal names at first.</summary>
    public IReadOnlySet<string> ExemptWords { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>These options without <paramref name="change"/>.</summary>
    public EllaraOptions Without(EllaraChange change) => this with { Changes = new HashSet<EllaraChange>(Changes.Where(c => c != change)) };

    /// <summary>These options with <paramref name="words"/> also exempt.</summary>
    public EllaraOptions Exempting(params string[] words) => this with
    {
        ExemptWords = new HashSet<string>(ExemptWords.Concat(words.Select(w => w.Normalize(System.Text.NormalizationForm.FormC))), StringComparer.Ordinal),
    };
}
