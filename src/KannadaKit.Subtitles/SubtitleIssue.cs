namespace KannadaKit.Subtitles;

/// <summary>Something a reader skipped or repaired, with the 1-based line it was on.</summary>
public sealed record SubtitleIssue(int Line, string Message);
