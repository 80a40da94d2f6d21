namespace KannadaKit.Speech.Vad;

/// <summary>
/// Speech probability per frame of 16 kHz mono audio. Stateful across frames of one stream: <see cref="Reset"/> before
/// the next stream. Not thread-safe.
/// </summary>
public interface IVoiceDetector : IDisposable
{
    /// <summary>Samples per frame (512, 32 ms, for both detectors here).</summary>
    int FrameSamples { get; }

    /// <summary>What detects, for messages and reports (for example "silero v5").</summary>
    string Name { get; }

    /// <summary>The probability in [0, 1] that <paramref name="frame"/> (exactly <see cref="FrameSamples"/> samples) is speech.</summary>
    float Process(ReadOnlySpan<float> frame);

    /// <summary>Forgets the stream's state.</summary>
    void Reset();
}
