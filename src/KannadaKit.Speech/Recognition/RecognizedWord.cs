namespace KannadaKit.Speech.Recognition;

/// <summary>A space-separated word with its media times (Kannada words are split on spaces, as Whisper does).</summary>
public sealed record RecognizedWord(string Text, TimeSpan Start, TimeSpan End, float Probability);
