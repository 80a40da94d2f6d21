namespace KannadaKit.Speech.Audio;

/// <summary>
/// Decoded media as a stream of 16 kHz mono float samples in [-1, 1], whatever the container, codec, rate and channel
/// count: what Whisper and Silero VAD take. Read block by block; nothing holds the whole file.
/// </summary>
public abstract class AudioSource : IDisposable
{
    /// <summary>The sample rate of every stream: 16 kHz.</summary>
    public const int SampleRate = 16000;

    /// <summary>The media file.</summary>
    public abstract string Source { get; }

    /// <summary>What decodes it: <c>wav</c> (NAudio), <c>mp3</c> (NLayer) or <c>ffmpeg</c>.</summary>
    public abstract string Decoder { get; }

    /// <summary>The source's own format, for messages (for example "PCM 24-bit 44100 Hz 6 ch").</summary>
    public abstract string SourceFormat { get; }

    /// <summary>The media's duration when the container states it; null when only decoding to the end can tell.</summary>
    public abstract TimeSpan? Duration { get; }

    /// <summary>Samples delivered so far.</summary>
    public long SamplesRead { get; private set; }

    /// <summary>Media time delivered so far.</summary>
    public TimeSpan Position => TimeSpan.FromSeconds((double)SamplesRead / SampleRate);

    /// <summary>Fills <paramref name="destination"/> with the next samples; returns how many (0 at the end).</summary>
    /// <exception cref="MediaException">The media turned out corrupt part way.</exception>
    public int Read(Span<float> destination)
    {
        int n = ReadCore(destination);
        SamplesRead += n;
        return n;
    }

    /// <summary>Reads the next samples.</summary>
    protected abstract int ReadCore(Span<float> destination);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the decoder.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
