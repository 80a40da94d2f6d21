namespace KannadaKit.Subtitles;

/// <summary>A subtitle file: its cues in order and, for WebVTT, the header text and STYLE/REGION blocks.</summary>
public sealed record SubtitleDocument(IReadOnlyList<Cue> Cues)
{
    /// <summary>Text after <c>WEBVTT</c> on the first line and the header lines below it (WebVTT only), or null.</summary>
    public string? Header { get; init; }

    /// <summary>WebVTT STYLE and REGION blocks, verbatim, in file order.</summary>
    public IReadOnlyList<string> Blocks { get; init; } = [];

    /// <summary>What the reader skipped or repaired (WebVTT's rules skip bad cues rather than fail).</summary>
    public IReadOnlyList<SubtitleIssue> Issues { get; init; } = [];
}
