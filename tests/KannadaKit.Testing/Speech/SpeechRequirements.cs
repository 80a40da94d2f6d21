namespace KannadaKit.Testing.Speech;

/// <summary>Checks what speech tests need, once per process.</summary>
public static class SpeechRequirements
{
    /// <summary>Where tools/test.sh installs Noto Sans Kannada from Debian's fonts-noto-core.</summary>
    public const string NotoKannada = "/usr/share/fonts/truetype/noto/NotoSansKannada-Regular.ttf";

    private static readonly Lazy<bool> s_ffmpeg = new(() => TestAudio.Has("ffmpeg") && TestAudio.Has("ffprobe"));
    private static readonly Lazy<bool> s_espeak = new(() => TestAudio.Has("espeak-ng"));

    /// <summary>The reason a test must skip, or null when everything it needs is here.</summary>
    public static string? SkipReason(params string[] requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        var missing = new List<string>();
        foreach (var r in requirements)
        {
            switch (r)
            {
                case "ffmpeg" when !s_ffmpeg.Value:
                    missing.Add("ffmpeg and ffprobe on PATH (apt-get install ffmpeg)");
                    break;
                case "espeak-ng" when !s_espeak.Value:
                    missing.Add("espeak-ng on PATH (apt-get install espeak-ng)");
                    break;
                case "fonts" when !File.Exists(NotoKannada):
                    missing.Add(NotoKannada + " (apt-get install fonts-noto-core)");
                    break;
                case "silero" when SpeechFixtures.SileroSkipReason is { } s:
                    missing.Add(s);
                    break;
                default:
                    if (r.StartsWith("shared:", StringComparison.Ordinal) && SharedData.SkipReasonFor(r[7..]) is { } shared)
                    {
                        missing.Add(shared);
                    }

                    break;
            }
        }

        return missing.Count == 0 ? null : "needs " + string.Join("; ", missing.Select(m => m.StartsWith("needs ", StringComparison.Ordinal) ? m[6..] : m));
    }

    /// <summary>Speaks Kannada text into a 22.05 kHz WAV file with espeak-ng.</summary>
    public static string Speak(string text, string path, int wordsPerMinute = 140)
    {
        int? rc = TestAudio.Run("espeak-ng", out string error, "-v", "kn", "-s", wordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", path, text);
        if (rc != 0)
        {
            throw new InvalidOperationException($"espeak-ng failed ({rc}): {error}");
        }

        return path;
    }

    /// <summary>Runs ffmpeg quietly with the arguments, throwing with its error on failure.</summary>
    public static void Ffmpeg(params string[] args)
    {
        int? rc = TestAudio.Run("ffmpeg", out string error, ["-hide_banner", "-loglevel", "error", "-y", .. args]);
        if (rc != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed ({rc}): {error}");
        }
    }
}
