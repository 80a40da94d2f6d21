namespace KannadaKit.Lexicon.Suggestions;

/// <summary>
/// A suggested native (ಅಚ್ಚಗನ್ನಡ) equivalent as the judge ranked it. A suggestion, never an attested fact: it is not
/// stored with the entry's data and is always shown as a suggestion.
/// </summary>
/// <param name="Word">The candidate.</param>
/// <param name="Score">The judge's score; higher is better.</param>
/// <param name="Proposals">Every rival that proposed it.</param>
/// <param name="Evidence">The judge's own findings: attestation, corpus count, phonotactics, agreement.</param>
public sealed record NativeSuggestion(string Word, double Score, IReadOnlyList<RivalProposal> Proposals, IReadOnlyList<string> Evidence);
