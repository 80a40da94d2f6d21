namespace KannadaKit.Lexicon.Model;

/// <summary>One meaning of a headword.</summary>
/// <param name="PartOfSpeech">Lower-case English part of speech (<c>noun</c>, <c>verb</c>…), or empty when unknown.</param>
/// <param name="Gloss">English gloss, or empty.</param>
/// <param name="KannadaGloss">Kannada gloss, or empty.</param>
/// <param name="Qualifier">What narrows the sense (a translation table's sense line), or empty.</param>
/// <param name="Source">Where the sense came from.</param>
public sealed record Sense(string PartOfSpeech, string Gloss, string KannadaGloss, string Qualifier, Provenance Source);
