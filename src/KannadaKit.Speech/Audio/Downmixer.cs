using NAudio.Wave;

namespace KannadaKit.Speech.Audio;

/// <summary>
/// Any channel count to mono by the mean of the channels (NAudio's ToMono takes stereo only; films carry 5.1 and 7.1).
/// </summary>
internal sealed class Downmixer : ISampleProvider
{
    private readonly ISampleProvider _source;
    private readonly int _channels;
    private float[] _buffer = [];

    public Downmixer(ISampleProvider source)
    {
        _source = source;
        _channels = source.WaveFormat.Channels;
        WaveFormat = WaveFormat.CreateIeeeFloatWaveFormat(source.WaveFormat.SampleRate, 1);
    }

    public WaveFormat WaveFormat { get; }

    public int Read(Span<float> buffer)
    {
        if (_channels == 1)
        {
            return _source.Read(buffer);
        }

        int need = buffer.Length * _channels;
        if (_buffer.Length < need)
        {
            _buffer = new float[need];
        }

        int got = ReadFull(_buffer.AsSpan(0, need)) / _channels;
        float scale = 1f / _channels;
        for (int i = 0; i < got; i++)
        {
            float sum = 0;
            var frame = _buffer.AsSpan(i * _channels, _channels);
            foreach (float s in frame)
            {
                sum += s;
            }

            buffer[i] = sum * scale;
        }

        return got;
    }

    // Providers may return fewer samples than asked, and not always whole frames: keep frames aligned.
    private int ReadFull(Span<float> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = _source.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total - (total % _channels);
    }
}
