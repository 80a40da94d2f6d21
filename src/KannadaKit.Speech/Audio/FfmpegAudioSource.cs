using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KannadaKit.Speech.Audio;

/// <summary>
/// Any container or codec ffmpeg reads, decoded by an ffmpeg child process that streams 16 kHz mono float32 on its
/// standard output (ffmpeg resamples with its own filter, so the PCM crosses the pipe once). Its standard error is kept
/// for the one-line message when it fails.
/// </summary>
internal sealed class FfmpegAudioSource : AudioSource
{
    private readonly Process _process;
    private readonly Stream _pcm;
    private readonly Task<string> _stderr;
    private readonly byte[] _carry = new byte[4];
    private int _carried;
    private bool _ended;

    private FfmpegAudioSource(string source, Process process, TimeSpan? duration, string format)
    {
        Source = source;
        _process = process;
        _pcm = process.StandardOutput.BaseStream;
        _stderr = process.StandardError.ReadToEndAsync();
        Duration = duration;
        SourceFormat = format;
    }

    public override string Source { get; }

    public override string Decoder => "ffmpeg";

    public override string SourceFormat { get; }

    public override TimeSpan? Duration { get; }

    public static FfmpegAudioSource Start(string path, Ffmpeg ffmpeg)
    {
        var probe = ffmpeg.Probe(path);
        if (!probe.HasAudio)
        {
            throw new MediaException($"{path}: no audio stream ({probe.Describe})");
        }

        var psi = ffmpeg.StartInfo("ffmpeg");
        foreach (var a in (string[])["-nostdin", "-hide_banner", "-loglevel", "error", "-i", path, "-map", "0:a:0", "-vn", "-sn", "-dn",
                     .. Downmix(probe.Channels), "-ar", SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "f32le", "-"])
        {
            psi.ArgumentList.Add(a);
        }

        var process = Ffmpeg.Launch(psi);
        return new FfmpegAudioSource(path, process, probe.Duration, probe.Describe);
    }

    /// <summary>
    /// The plain average of the channels, as the WAV and MP3 paths downmix; ffmpeg's own -ac 1 mixes at −3 dB a
    /// channel, so the same stereo speech would come out 3 dB louder from a FLAC than from a WAV.
    /// </summary>
    internal static string[] Downmix(int channels)
    {
        if (channels <= 1)
        {
            return ["-ac", "1"];
        }

        string gain = (1.0 / channels).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return ["-af", "pan=mono|c0=" + string.Join('+', Enumerable.Range(0, channels).Select(c => $"{gain}*c{c}"))];
    }

    protected override int ReadCore(Span<float> destination)
    {
        if (_ended || destination.IsEmpty)
        {
            return 0;
        }

        var bytes = MemoryMarshal.AsBytes(destination);
        _carry.AsSpan(0, _carried).CopyTo(bytes);
        int have = _carried;
        _carried = 0;
        while (have < 4)
        {
            int n = _pcm.Read(bytes[have..]);
            if (n == 0)
            {
                Finish();
                return 0;
            }

            have += n;
        }

        int whole = have / 4 * 4;
        _carried = have - whole;
        bytes.Slice(whole, _carried).CopyTo(_carry);
        return whole / 4;
    }

    private void Finish()
    {
        _ended = true;
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            string last = _stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
                ?? $"exit code {_process.ExitCode}";
            throw new MediaException($"{Source}: ffmpeg could not decode it after {Position.TotalSeconds:F2} s: {last}");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_process.HasExited)
            {
                try
                {
                    _process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the check and the kill.
                }

                _process.WaitForExit();
            }

            _process.Dispose();
        }

        base.Dispose(disposing);
    }
}
