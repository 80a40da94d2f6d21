using NAudio.Wave;

namespace KannadaKit.Speech.Audio;

/// <summary>A managed decoder (NAudio WAV or NLayer MP3) downmixed and resampled to 16 kHz mono.</summary>
internal sealed class ProviderAudioSource : AudioSource
{
    private readonly ISampleProvider _output;
    private readonly IDisposable _owner;

    public ProviderAudioSource(string source, string decoder, ISampleProvider decoded, IDisposable owner, TimeSpan? duration, string sourceFormat)
    {
        Source = source;
        Decoder = decoder;
        _owner = owner;
        Duration = duration;
        SourceFormat = sourceFormat;
        var mono = new Downmixer(decoded);
        _output = mono.WaveFormat.SampleRate == SampleRate ? mono : new SincResampler(mono, SampleRate);
    }

    public override string Source { get; }

    public override string Decoder { get; }

    public override string SourceFormat { get; }

    public override TimeSpan? Duration { get; }

    protected override int ReadCore(Span<float> destination)
    {
        try
        {
            return _output.Read(destination);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException or IndexOutOfRangeException or ArgumentException)
        {
            throw new MediaException($"{Source}: corrupt {Decoder} data after {Position.TotalSeconds:F2} s ({e.Message})", e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _owner.Dispose();
        }

        base.Dispose(disposing);
    }
}
