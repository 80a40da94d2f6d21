namespace KannadaKit.Subtitles;

/// <summary>A word of payload text with the media times it was spoken.</summary>
public readonly record struct TimedWord(string Text, TimeSpan Start, TimeSpan End);
