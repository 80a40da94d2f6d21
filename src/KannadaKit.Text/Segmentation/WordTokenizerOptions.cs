namespace KannadaKit.Text.Segmentation;

/// <summary>Options of <see cref="WordTokenizer"/>; immutable.</summary>
public sealed record WordTokenizerOptions
{
    /// <summary>Defaults: number suffixes kept whole.</summary>
    public static WordTokenizerOptions Default { get; } = new();

    /// <summary>
    /// Split a case or ordinal suffix off its number (೨೦೨೪ರಲ್ಲಿ → ೨೦೨೪ + ರಲ್ಲಿ, kinds Number and Suffix, no space between).
    /// Reversible: the Number token's <see cref="WordToken.SpaceAfter"/> is empty.
    /// </summary>
    public bool SplitNumberSuffixes { get; init; }
}
