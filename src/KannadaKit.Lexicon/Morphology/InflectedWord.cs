namespace KannadaKit.Lexicon.Morphology;

/// <summary>A form made from a lemma, or a lemma guessed from a form.</summary>
/// <param name="Lemma">The lemma.</param>
/// <param name="Form">The inflected form.</param>
/// <param name="Tag">The grammatical label.</param>
/// <param name="Paradigm">The class the rule belongs to.</param>
public sealed record InflectedWord(string Lemma, string Form, string Tag, Paradigm Paradigm);
