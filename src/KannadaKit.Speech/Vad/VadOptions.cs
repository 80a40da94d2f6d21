namespace KannadaKit.Speech.Vad;

/// <summary>
/// How frame probabilities become speech regions and recognition windows. Region defaults are Silero's own
/// (<c>get_speech_timestamps</c>: threshold 0.5, off at threshold − 0.15, 250 ms minimum speech, 100 ms minimum
/// silence, 30 ms padding). The window cap is ours: Whisper emits at most 224 tokens per window and Kannada costs about
/// 1.6 tokens a character, so a 30 s window of fast Kannada speech overflows; 20 s leaves room.
/// </summary>
public sealed record VadOptions
{
    /// <summary>A frame at or above this probability starts speech.</summary>
    public float Threshold { get; init; } = 0.5f;

    /// <summary>Speech ends below this probability (null: threshold − 0.15, at least 0.01).</summary>
    public float? OffThreshold { get; init; }

    /// <summary>Shorter speech is dropped.</summary>
    public TimeSpan MinSpeech { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Silence must last this long to end speech.</summary>
    public TimeSpan MinSilence { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Added before and after each region (split in half when two regions are closer than twice this).</summary>
    public TimeSpan Padding { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>The longest window handed to the recognizer; longer speech is cut at its quietest frame.</summary>
    public TimeSpan MaxWindow { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Regions closer than this share a window (when the window stays within <see cref="MaxWindow"/>).</summary>
    public TimeSpan MergeGap { get; init; } = TimeSpan.FromSeconds(1);

    internal float Off => OffThreshold ?? Math.Max(Threshold - 0.15f, 0.01f);

    /// <summary>Checks the values, naming the first one out of range.</summary>
    public void Validate()
    {
        if (!(Threshold is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "VAD threshold must be between 0 and 1");
        }

        if (Off > Threshold)
        {
            throw new ArgumentOutOfRangeException(nameof(OffThreshold), Off, "VAD off threshold must not exceed the threshold");
        }

        if (MaxWindow < TimeSpan.FromSeconds(1) || MaxWindow > TimeSpan.FromSeconds(30))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWindow), MaxWindow, "the window must be 1 to 30 seconds (Whisper reads 30 s at most)");
        }

        if (MinSpeech < TimeSpan.Zero || MinSilence < TimeSpan.Zero || Padding < TimeSpan.Zero || MergeGap < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSpeech), "VAD durations must not be negative");
        }
    }
}
