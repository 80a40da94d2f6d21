namespace KannadaKit.Lexicon.Model;

/// <summary>How often a headword (with its inflected forms) occurs in one corpus.</summary>
/// <param name="Count">Occurrences.</param>
/// <param name="Source">The corpus.</param>
public sealed record Frequency(long Count, Provenance Source);
