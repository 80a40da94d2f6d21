namespace KannadaKit.Lexicon.Suggestions;

/// <summary>One rival's candidate for a native equivalent, with how strongly and why.</summary>
/// <param name="Rival">The generator's name (<c>bhat-pattern</c>, <c>gloss-synonym</c>, <c>compound</c>, <c>corpus-context</c>).</param>
/// <param name="Word">The candidate, NFC.</param>
/// <param name="Score">0–1, the rival's own confidence.</param>
/// <param name="Reason">What the rival saw, for people.</param>
public sealed record RivalProposal(string Rival, string Word, double Score, string Reason);
