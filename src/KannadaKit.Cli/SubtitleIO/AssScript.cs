using System.Globalization;
using System.Text;
using KannadaKit.Subtitles;

namespace KannadaKit.Cli.SubtitleIO;

/// <summary>
/// Cues as an Advanced SubStation script for ffmpeg's <c>ass</c> filter: one style (font, size, outline), shown text
/// only. We write ASS ourselves because the <c>subtitles</c> filter offers no way to ask libass for complex (HarfBuzz)
/// shaping, and without it Kannada conjuncts fall apart into consonants with visible viramas.
/// </summary>
internal static class AssScript
{
    public static string Write(IReadOnlyList<Cue> cues, string font, int size, int width, int height)
    {
        var b = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        b.Append("[Script Info]\nScriptType: v4.00+\nWrapStyle: 2\nScaledBorderAndShadow: yes\n");
        b.Append(c, $"PlayResX: {width}\nPlayResY: {height}\n\n");
        b.Append("[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, ")
            .Append("Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n");
        int outline = Math.Max(1, size / 14);
        int margin = Math.Max(8, height / 20);
        b.Append(c, $"Style: Default,{font},{size},&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,{outline},0,2,{margin},{margin},{margin},1\n\n");
        b.Append("[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
        foreach (var cue in cues)
        {
            string text = string.Join("\\N", cue.Lines.Select(l => CueText.Visible(l).Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal)));
            b.Append(c, $"Dialogue: 0,{Time(cue.Start)},{Time(cue.End)},Default,,0,0,0,,{text}\n");
        }

        return b.ToString();
    }

    /// <summary>ASS times are h:mm:ss.cc (centiseconds).</summary>
    private static string Time(TimeSpan t)
    {
        long cs = (long)Math.Round(t.TotalMilliseconds / 10, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{cs / 360000}:{cs / 6000 % 60:00}:{cs / 100 % 60:00}.{cs % 100:00}");
    }
}
