namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>One reading of a romanized word.</summary>
/// <param name="Kannada">The Kannada word.</param>
/// <param name="Score">Log-score; higher is better. Comparable only between candidates of one input.</param>
/// <param name="InLexicon">True when the word is in the model's word list.</param>
public readonly record struct RomanizedCandidate(string Kannada, double Score, bool InLexicon);
