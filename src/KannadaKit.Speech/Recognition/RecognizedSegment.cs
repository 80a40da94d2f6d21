namespace KannadaKit.Speech.Recognition;

/// <summary>One segment of recognized text with media times, its words, and the decoder's confidence figures.</summary>
public sealed record RecognizedSegment(
    string Text,
    TimeSpan Start,
    TimeSpan End,
    IReadOnlyList<RecognizedWord> Words,
    string Language,
    float NoSpeechProbability,
    double AverageLogProbability,
    float Temperature);
