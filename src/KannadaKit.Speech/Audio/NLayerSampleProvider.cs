using NAudio.Wave;
using NLayer;

namespace KannadaKit.Speech.Audio;

/// <summary>MP3 through NLayer's managed decoder (NAudio's MP3 reader needs Windows' ACM), as an NAudio sample provider.</summary>
internal sealed class NLayerSampleProvider(MpegFile file) : ISampleProvider
{
    public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(file.SampleRate, file.Channels);

    public int Read(Span<float> buffer) => file.ReadSamples(buffer);
}
