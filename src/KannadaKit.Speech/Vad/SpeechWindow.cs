namespace KannadaKit.Speech.Vad;

/// <summary>A stretch of media, in 16 kHz samples from the start, handed to the recognizer as one piece.</summary>
public readonly record struct SpeechWindow(long Start, long End)
{
    /// <summary>Length in samples.</summary>
    public long Length => End - Start;

    /// <summary>Start as media time.</summary>
    public TimeSpan StartTime => TimeSpan.FromSeconds((double)Start / Audio.AudioSource.SampleRate);

    /// <summary>End as media time.</summary>
    public TimeSpan EndTime => TimeSpan.FromSeconds((double)End / Audio.AudioSource.SampleRate);

    /// <inheritdoc />
    public override string ToString() => $"{StartTime.TotalSeconds:F3}–{EndTime.TotalSeconds:F3} s";
}
