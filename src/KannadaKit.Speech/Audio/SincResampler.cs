using NAudio.Dsp;
using NAudio.Wave;

namespace KannadaKit.Speech.Audio;

/// <summary>
/// Mono resampling to 16 kHz on NAudio's WDL resampler in its windowed-sinc mode. NAudio's own
/// WdlResamplingSampleProvider uses the IIR mode, whose stop band lets through too much above 8 kHz; the sinc mode keeps
/// aliasing below -60 dB (measured by the sine-sweep test).
/// </summary>
internal sealed class SincResampler : ISampleProvider
{
    private readonly ISampleProvider _source;
    private readonly WdlResampler _resampler = new();
    private bool _ended;

    public SincResampler(ISampleProvider source, int outputRate, int sincSize = 128)
    {
        if (source.WaveFormat.Channels != 1)
        {
            throw new ArgumentException("downmix to mono first", nameof(source));
        }

        _source = source;
        _resampler.SetMode(true, 0, true, sincSize, 32);
        _resampler.SetFeedMode(false);
        _resampler.SetRates(source.WaveFormat.SampleRate, outputRate);
        WaveFormat = WaveFormat.CreateIeeeFloatWaveFormat(outputRate, 1);
    }

    public WaveFormat WaveFormat { get; }

    public int Read(Span<float> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int want = buffer.Length - total;
            int needed = _resampler.ResamplePrepare(want, 1, out Span<float> input);
            int got = 0;
            if (!_ended)
            {
                while (got < needed)
                {
                    int n = _source.Read(input[got..needed]);
                    if (n == 0)
                    {
                        _ended = true;
                        break;
                    }

                    got += n;
                }
            }

            // Fewer than needed flushes the filter's tail (WDL's contract), so the end of the media is not cut.
            int produced = _resampler.ResampleOut(buffer[total..], got, want, 1);
            total += produced;
            if (produced == 0 && _ended)
            {
                break;
            }
        }

        return total;
    }
}
