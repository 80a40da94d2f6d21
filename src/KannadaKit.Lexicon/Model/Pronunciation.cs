namespace KannadaKit.Lexicon.Model;

/// <summary>How a headword is said.</summary>
/// <param name="Iso15919">ISO 15919 romanization (computed from the spelling).</param>
/// <param name="Ipa">Broad IPA.</param>
/// <param name="Source">Where the IPA came from (a source's own transcription or computed).</param>
public sealed record Pronunciation(string Iso15919, string Ipa, Provenance Source);
