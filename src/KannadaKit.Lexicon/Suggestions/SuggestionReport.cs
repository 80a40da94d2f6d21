namespace KannadaKit.Lexicon.Suggestions;

/// <summary>What the team of rivals and the judge made of one headword.</summary>
/// <param name="Headword">The word native equivalents were sought for.</param>
/// <param name="Suggestions">Ranked, best first.</param>
/// <param name="TopPicks">Each rival's own best candidate, so disagreement is visible.</param>
/// <param name="RivalsHeard">Every rival that ran, including those with nothing to say.</param>
public sealed record SuggestionReport(string Headword, IReadOnlyList<NativeSuggestion> Suggestions,
    IReadOnlyDictionary<string, string> TopPicks, IReadOnlyList<string> RivalsHeard)
{
    /// <summary>True when rivals with a pick do not all pick the same word.</summary>
    public bool RivalsDisagree => TopPicks.Values.Distinct(StringComparer.Ordinal).Count() > 1;
}
