using NAudio.Wave;
using NAudio.Wave.SampleProviders;
using NLayer;

namespace KannadaKit.Speech.Audio;

/// <summary>
/// Opens any media as a 16 kHz mono <see cref="AudioSource"/>: WAV through NAudio (PCM 8–32 bit, float, extensible,
/// any channel count), MP3 through NLayer, everything else (and WAV encodings NAudio lacks, such as A-law or ADPCM)
/// through an ffmpeg child process. The choice is made from the file's first bytes, never from its name.
/// </summary>
public static class MediaOpener
{
    /// <summary>Opens <paramref name="path"/> for reading. The file is only ever read.</summary>
    /// <exception cref="MediaException">Missing, empty, corrupt or unsupported media, or ffmpeg needed and missing.</exception>
    public static AudioSource Open(string path, Ffmpeg? ffmpeg = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (System.IO.Directory.Exists(path))
        {
            throw new MediaException($"{path}: is a directory, expected a media file");
        }

        if (!info.Exists)
        {
            throw new MediaException($"{path}: file not found");
        }

        if (info.Length == 0)
        {
            throw new MediaException($"{path}: empty file (0 bytes), expected audio or video");
        }

        Span<byte> head = stackalloc byte[16];
        int n;
        using (var f = File.OpenRead(path))
        {
            n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..n];
        if (IsWav(head))
        {
            return (AudioSource?)OpenWav(path) ?? FfmpegAudioSource.Start(path, ffmpeg ?? new Ffmpeg());
        }

        if (IsMpegAudio(path, head))
        {
            return OpenMp3(path);
        }

        return FfmpegAudioSource.Start(path, ffmpeg ?? new Ffmpeg());
    }

    internal static bool IsWav(ReadOnlySpan<byte> head) =>
        head.Length >= 12 && (head[..4].SequenceEqual("RIFF"u8) || head[..4].SequenceEqual("RF64"u8)) && head[8..12].SequenceEqual("WAVE"u8);

    /// <summary>An ID3v2 tag or an MPEG audio frame header of layer I–III (AAC's ADTS has the same sync but layer 0).</summary>
    internal static bool IsMpegAudio(string path, ReadOnlySpan<byte> head)
    {
        if (head.Length >= 10 && head[..3].SequenceEqual("ID3"u8))
        {
            long size = ((head[6] & 0x7f) << 21) | ((head[7] & 0x7f) << 14) | ((head[8] & 0x7f) << 7) | (head[9] & 0x7f);
            Span<byte> frame = stackalloc byte[4];
            using var f = File.OpenRead(path);
            f.Position = 10 + size + ((head[5] & 0x10) != 0 ? 10 : 0);
            return f.ReadAtLeast(frame, 4, throwOnEndOfStream: false) == 4 && IsFrameHeader(frame);
        }

        return head.Length >= 4 && IsFrameHeader(head);
    }

    private static bool IsFrameHeader(ReadOnlySpan<byte> h) =>
        h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) != 0 && (h[2] & 0xF0) != 0xF0 && (h[2] & 0x0C) != 0x0C;

    private static ProviderAudioSource? OpenWav(string path)
    {
        WaveFileReader? reader = null;
        try
        {
            reader = new WaveFileReader(path);
            var format = reader.WaveFormat;
            string describe = $"{format.Encoding} {format.BitsPerSample}-bit {format.SampleRate} Hz {format.Channels} ch";
            if (format.SampleRate <= 0 || format.Channels <= 0)
            {
                throw new MediaException($"{path}: WAV header declares {format.SampleRate} Hz and {format.Channels} channels");
            }

            var samples = WavSamples.From(reader);
            if (samples is null)
            {
                // An encoding NAudio has no converter for (A-law, ADPCM…): ffmpeg decodes it.
                return null;
            }

            var stream = new ProviderAudioSource(path, "wav", samples, reader, reader.TotalTime, describe);
            reader = null;
            return stream;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException or ArgumentException or IOException && e is not FileNotFoundException)
        {
            throw new MediaException($"{path}: not a readable WAV file ({e.Message})", e);
        }
        finally
        {
            reader?.Dispose();
        }
    }

    private static ProviderAudioSource OpenMp3(string path)
    {
        MpegFile? file = null;
        try
        {
            file = new MpegFile(path);
            if (file.SampleRate <= 0 || file.Channels <= 0)
            {
                throw new MediaException($"{path}: no MPEG audio frame found");
            }

            TimeSpan? duration = file.Duration > TimeSpan.Zero ? file.Duration : null;
            var stream = new ProviderAudioSource(path, "mp3", new NLayerSampleProvider(file), file, duration, $"MP3 {file.SampleRate} Hz {file.Channels} ch");
            file = null;
            return stream;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            throw new MediaException($"{path}: not a readable MP3 file ({e.Message})", e);
        }
        finally
        {
            file?.Dispose();
        }
    }
}
