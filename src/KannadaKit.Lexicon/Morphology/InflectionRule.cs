namespace KannadaKit.Lexicon.Morphology;

/// <summary>
/// One suffix rule, read both ways: a lemma ending in <see cref="LemmaEnding"/> forms <see cref="Tag"/> by replacing it
/// with <see cref="FormEnding"/>; a form ending in <see cref="FormEnding"/> may come from a lemma ending in
/// <see cref="LemmaEnding"/>. One table serves the inflection tables and the lemmatizer, so they cannot disagree.
/// </summary>
/// <param name="Paradigm">The class the rule belongs to.</param>
/// <param name="LemmaEnding">What the lemma ends with and loses (may be empty).</param>
/// <param name="FormEnding">What the form ends with instead.</param>
/// <param name="Tag">The grammatical label, e.g. <c>locative</c>, <c>plural dative</c>, <c>past 3sg.m</c>.</param>
public sealed record InflectionRule(Paradigm Paradigm, string LemmaEnding, string FormEnding, string Tag);
