using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace KannadaKit.Speech.Audio;

/// <summary>
/// Runs the ffmpeg and ffprobe programs (a thin runner of our own rather than FFMpegCore: we need one streaming decode,
/// one probe and one render, each with its arguments passed as a list, its standard error kept for a one-line message,
/// and the child killed on cancellation).
/// </summary>
public sealed class Ffmpeg
{
    /// <summary>How a user installs it, for the message when it is missing.</summary>
    public const string InstallHint = "ffmpeg is not installed: install it with 'sudo apt-get install ffmpeg' (Debian/Ubuntu), or put ffmpeg and ffprobe on PATH";

    private static readonly string[] s_quiet = ["-nostdin", "-hide_banner", "-loglevel", "error"];

    /// <summary>Uses ffmpeg and ffprobe from PATH, or from <paramref name="directory"/>.</summary>
    public Ffmpeg(string? directory = null) => Directory = directory;

    /// <summary>Where the programs are looked up (null: PATH).</summary>
    public string? Directory { get; }

    /// <summary>True when ffmpeg can be started.</summary>
    public bool IsAvailable()
    {
        try
        {
            var psi = StartInfo("ffmpeg");
            psi.ArgumentList.Add("-version");
            using var p = Launch(psi);
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (MediaException)
        {
            return false;
        }
    }

    /// <summary>Probes a media file.</summary>
    /// <exception cref="MediaException">ffmpeg is missing, or the file is not media it reads.</exception>
    public MediaProbe Probe(string path)
    {
        var psi = StartInfo("ffprobe");
        foreach (var a in new[] { "-v", "error", "-show_entries", "format=duration,format_name:stream=codec_type,codec_name,sample_rate,channels,width,height", "-of", "json", path })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Launch(psi);
        var stderr = p.StandardError.ReadToEndAsync();
        string json = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            string last = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "unreadable";
            throw new MediaException($"{path}: not a media file ffmpeg can read: {Trim(last, path)}");
        }

        using var doc = JsonDocument.Parse(json);
        bool audio = false, video = false;
        string describe = "";
        int channels = 0;
        (int, int)? size = null;
        if (doc.RootElement.TryGetProperty("streams", out var streams))
        {
            foreach (var s in streams.EnumerateArray())
            {
                string type = s.TryGetProperty("codec_type", out var t) ? t.GetString() ?? "" : "";
                if (type == "audio" && !audio)
                {
                    audio = true;
                    describe = $"{Str(s, "codec_name")} {Str(s, "sample_rate")} Hz {Str(s, "channels")} ch";
                    channels = s.TryGetProperty("channels", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
                }

                if (type == "video" && size is null && s.TryGetProperty("width", out var w) && s.TryGetProperty("height", out var h)
                    && w.ValueKind == JsonValueKind.Number && h.ValueKind == JsonValueKind.Number)
                {
                    size = (w.GetInt32(), h.GetInt32());
                }

                video |= type == "video";
            }
        }

        TimeSpan? duration = null;
        string container = "";
        if (doc.RootElement.TryGetProperty("format", out var format))
        {
            if (format.TryGetProperty("duration", out var d) && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double secs))
            {
                duration = TimeSpan.FromSeconds(secs);
            }

            container = Str(format, "format_name");
        }

        return new MediaProbe(audio, video, duration, $"{container}{(describe.Length > 0 ? ", " + describe : "")}".Trim(), channels) { VideoSize = size };
    }

    /// <summary>Runs ffmpeg with the arguments to completion, failing with its last error line.</summary>
    public void Run(string what, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var psi = StartInfo("ffmpeg");
        foreach (var a in s_quiet.Concat(arguments))
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Launch(psi);
        using var reg = cancellationToken.Register(() =>
        {
            try
            {
                p.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        });
        var stdout = p.StandardOutput.ReadToEndAsync(CancellationToken.None);
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        _ = stdout.Result;
        cancellationToken.ThrowIfCancellationRequested();
        if (p.ExitCode != 0)
        {
            string last = err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {p.ExitCode}";
            throw new MediaException($"{what}: ffmpeg failed: {last}");
        }
    }

    internal ProcessStartInfo StartInfo(string program) => new(Directory is null ? program : Path.Combine(Directory, program))
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        RedirectStandardInput = false,
        UseShellExecute = false,
    };

    internal static Process Launch(ProcessStartInfo psi)
    {
        try
        {
            return Process.Start(psi) ?? throw new MediaException(InstallHint);
        }
        catch (Win32Exception e)
        {
            throw new MediaException(InstallHint, e);
        }
    }

    private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v)
        ? v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.GetString() ?? ""
        : "";

    // ffprobe starts its message with the path; the caller already names it.
    private static string Trim(string line, string path) => line.StartsWith(path + ": ", StringComparison.Ordinal) ? line[(path.Length + 2)..] : line;
}
