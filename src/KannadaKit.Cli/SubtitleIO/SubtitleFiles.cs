using System.Text;
using KannadaKit.Cli.IO;
using KannadaKit.Subtitles;

namespace KannadaKit.Cli.SubtitleIO;

/// <summary>Reading and writing subtitle files for the commands: the format from the name or the content, atomic writes.</summary>
internal static class SubtitleFiles
{
    /// <summary>The format a file name asks for (.vtt WebVTT, .srt SRT), or null.</summary>
    public static SubtitleFormat? FromName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".vtt" => SubtitleFormat.WebVtt,
        ".srt" => SubtitleFormat.Srt,
        _ => null,
    };

    /// <summary>Parses a --format value.</summary>
    public static SubtitleFormat? Parse(string? format) => format?.ToLowerInvariant() switch
    {
        null => null,
        "srt" => SubtitleFormat.Srt,
        "vtt" or "webvtt" => SubtitleFormat.WebVtt,
        _ => throw new CliException($"--format: '{format}' is not srt or vtt", ExitCodes.Usage),
    };

    /// <summary>"1 cue", "2 cues".</summary>
    public static string Cues(int n) => n == 1 ? "1 cue" : $"{n} cues";

    public static string Extension(SubtitleFormat f) => f == SubtitleFormat.WebVtt ? ".vtt" : ".srt";

    /// <summary>Reads a subtitle file: by its extension, else WebVTT when it starts with WEBVTT, else SRT.</summary>
    public static (SubtitleDocument Document, SubtitleFormat Format) Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path}: is a directory; expected a subtitle file");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file");
        }

        byte[] bytes = File.ReadAllBytes(path);
        var format = FromName(path) ?? (LooksLikeVtt(bytes) ? SubtitleFormat.WebVtt : SubtitleFormat.Srt);
        var doc = format == SubtitleFormat.WebVtt ? WebVttFormat.Read(bytes, path) : SrtFormat.Read(bytes, path);
        return (doc, format);
    }

    /// <summary>The document as text in <paramref name="format"/> (cue text is plain; WebVTT escapes it).</summary>
    public static string Render(IReadOnlyList<Cue> plainCues, SubtitleFormat format)
    {
        var cues = plainCues.Select(c => c with { Text = CueText.Payload(c.Text, format) }).ToList();
        var doc = new SubtitleDocument(cues);
        return format == SubtitleFormat.WebVtt ? WebVttFormat.Write(doc) : SrtFormat.Write(doc);
    }

    /// <summary>Writes text to <paramref name="path"/> atomically, or to standard output for "-".</summary>
    public static void Write(CliContext context, string path, string text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        if (path == "-")
        {
            using var o = context.OpenOutputStream();
            o.Write(bytes);
            o.Flush();
            return;
        }

        using var output = AtomicOutput.Create(path, path);
        output.Stream.Write(bytes);
        output.Commit();
    }

    private static bool LooksLikeVtt(byte[] b)
    {
        int start = b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
        return b.AsSpan(start).StartsWith("WEBVTT"u8);
    }
}
