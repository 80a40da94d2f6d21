namespace KannadaKit.Text.Transliteration;

/// <summary>One entry of a romanization scheme.</summary>
/// <param name="Kind">How the unit combines.</param>
/// <param name="Native">
/// The Kannada text: a consonant without virama, an independent vowel, a mark, a digit or a symbol.
/// </param>
/// <param name="Sign">For vowels, the dependent sign ("" for the inherent a, null when the vowel has none).</param>
/// <param name="Spellings">Latin spellings, the one written first; the others are read only.</param>
public sealed record RomanUnit(RomanUnitKind Kind, string Native, string? Sign, IReadOnlyList<string> Spellings)
{
    /// <summary>The spelling this scheme writes.</summary>
    public string Canonical => Spellings[0];
}
