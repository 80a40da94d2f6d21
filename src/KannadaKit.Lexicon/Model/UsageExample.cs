namespace KannadaKit.Lexicon.Model;

/// <summary>A sentence that uses the word.</summary>
/// <param name="Text">The Kannada sentence.</param>
/// <param name="Translation">Its English translation, or empty.</param>
/// <param name="Source">Where the sentence came from.</param>
public sealed record UsageExample(string Text, string Translation, Provenance Source);
