using KannadaKit.Speech.Vad;
using KannadaKit.Subtitles;

namespace KannadaKit.Speech.Pipeline;

/// <summary>How media becomes subtitles: the detector's settings, the craft rules and the script.</summary>
public sealed record SubtitleJobOptions
{
    /// <summary>Speech regions and window sizes.</summary>
    public VadOptions Vad { get; init; } = new();

    /// <summary>The rules cues follow.</summary>
    public SubtitleRules Rules { get; init; } = SubtitleRules.Default;

    /// <summary>The script of the text.</summary>
    public SubtitleScript Script { get; init; } = SubtitleScript.Kannada;

    /// <summary>Samples read from the decoder at a time.</summary>
    public int BlockSamples { get; init; } = 16000;
}
