namespace KannadaKit.Speech.Pipeline;

/// <summary>The script subtitles are written in.</summary>
public enum SubtitleScript
{
    /// <summary>Kannada script as recognized.</summary>
    Kannada,

    /// <summary>ISO 15919 romanization.</summary>
    Iso15919,

    /// <summary>Each cue one Kannada line over its ISO 15919 line.</summary>
    Dual,
}
