namespace KannadaKit.Subtitles;

/// <summary>The subtitle file formats read and written.</summary>
public enum SubtitleFormat
{
    /// <summary>SubRip (.srt): numbered cues, <c>HH:MM:SS,mmm</c> times.</summary>
    Srt,

    /// <summary>WebVTT (.vtt) by the W3C parsing rules.</summary>
    WebVtt,
}
