using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace KannadaKit.Speech.Audio;

/// <summary>
/// NAudio's converters for a WAV reader: integer PCM of 8, 16, 24 and 32 bits and IEEE float of 32 and 64 bits, plain
/// or WAVE_FORMAT_EXTENSIBLE (whose sub-format GUID says which; NAudio's float converters check the plain tag).
/// </summary>
internal static class WavSamples
{
    private static readonly Guid s_pcm = new("00000001-0000-0010-8000-00aa00389b71");
    private static readonly Guid s_float = new("00000003-0000-0010-8000-00aa00389b71");

    /// <summary>The sample provider, or null for an encoding NAudio cannot convert.</summary>
    public static ISampleProvider? From(IWaveProvider reader)
    {
        var f = reader.WaveFormat;
        var encoding = f.Encoding;
        if (f.Encoding == WaveFormatEncoding.Extensible)
        {
            // WaveFileReader hands the extensible chunk over as extra data: valid bits (2), channel mask (4), GUID (16).
            Guid? sub = f switch
            {
                WaveFormatExtensible ext => ext.SubFormat,
                WaveFormatExtraData { ExtraSize: >= 22 } extra => new Guid(extra.ExtraData.AsSpan(6, 16)),
                _ => null,
            };
            encoding = sub == s_pcm ? WaveFormatEncoding.Pcm : sub == s_float ? WaveFormatEncoding.IeeeFloat : WaveFormatEncoding.Unknown;
        }

        return (encoding, f.BitsPerSample) switch
        {
            (WaveFormatEncoding.Pcm, 8) => new Pcm8BitToSampleProvider(reader),
            (WaveFormatEncoding.Pcm, 16) => new Pcm16BitToSampleProvider(reader),
            (WaveFormatEncoding.Pcm, 24) => new Pcm24BitToSampleProvider(reader),
            (WaveFormatEncoding.Pcm, 32) => new Pcm32BitToSampleProvider(reader),
            (WaveFormatEncoding.IeeeFloat, 32) => new WaveToSampleProvider(new Standard(reader, WaveFormat.CreateIeeeFloatWaveFormat(f.SampleRate, f.Channels))),
            (WaveFormatEncoding.IeeeFloat, 64) => new WaveToSampleProvider64(new Standard(reader, WaveFormat.CreateCustomFormat(WaveFormatEncoding.IeeeFloat, f.SampleRate, f.Channels, f.SampleRate * f.Channels * 8, f.Channels * 8, 64))),
            _ => null,
        };
    }

    /// <summary>The same bytes under the plain format tag.</summary>
    private sealed class Standard(IWaveProvider source, WaveFormat format) : IWaveProvider
    {
        public WaveFormat WaveFormat { get; } = format;

        public int Read(Span<byte> buffer) => source.Read(buffer);
    }
}
