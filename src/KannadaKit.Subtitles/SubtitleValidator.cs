using System.Globalization;
using KannadaKit.Text.Scripts;

namespace KannadaKit.Subtitles;

/// <summary>
/// Checks cues against <see cref="SubtitleRules"/>. Rules: <c>empty</c>, <c>timing</c> (ends at or before its start),
/// <c>order</c>, <c>overlap</c>, <c>gap</c>, <c>lines</c>, <c>line-length</c>, <c>akshara-split</c> (a line starts
/// with a vowel sign, virama or joiner: broken inside an akshara), <c>min-duration</c>, <c>max-duration</c>,
/// <c>reading-speed</c>, and <c>after-end</c> when the media's duration is known.
/// </summary>
public static class SubtitleValidator
{
    /// <summary>Every rule each cue breaks, in cue order.</summary>
    public static IReadOnlyList<RuleViolation> Check(IReadOnlyList<Cue> cues, SubtitleRules rules, TimeSpan? mediaDuration = null)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(rules);
        var list = new List<RuleViolation>();
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < cues.Count; i++)
        {
            var c = cues[i];
            int n = i + 1;
            var lines = c.Text.Split('\n');
            int reading = CueText.ReadingLength(c.Text);
            if (reading == 0 || lines.All(l => CueText.Visible(l).Trim().Length == 0))
            {
                list.Add(new(n, "empty", "no visible text"));
            }

            if (c.End <= c.Start)
            {
                list.Add(new(n, "timing", $"ends at {S(c.End)} s, not after its start {S(c.Start)} s"));
                continue;
            }

            if (i > 0)
            {
                var p = cues[i - 1];
                if (c.Start < p.Start)
                {
                    list.Add(new(n, "order", $"starts at {S(c.Start)} s, before cue {n - 1} ({S(p.Start)} s)"));
                }
                else if (c.Start < p.End)
                {
                    list.Add(new(n, "overlap", $"starts at {S(c.Start)} s while cue {n - 1} shows until {S(p.End)} s"));
                }
                else if (c.Start - p.End < rules.MinGap)
                {
                    list.Add(new(n, "gap", $"{(c.Start - p.End).TotalMilliseconds:F0} ms after cue {n - 1}, minimum {rules.MinGap.TotalMilliseconds:F0} ms ({rules.MinGapFrames} frames at {rules.FrameRate.ToString(inv)} fps)"));
                }
            }

            if (lines.Length > rules.MaxLines)
            {
                list.Add(new(n, "lines", $"{lines.Length} lines, maximum {rules.MaxLines}"));
            }

            for (int l = 0; l < lines.Length; l++)
            {
                int len = CueText.LineLength(lines[l]);
                if (len > rules.MaxLineAksharas)
                {
                    list.Add(new(n, "line-length", $"line {l + 1} has {len} aksharas, maximum {rules.MaxLineAksharas}"));
                }

                string visible = CueText.Visible(lines[l]);
                if (l > 0 && visible.Length > 0 && StartsInsideAkshara(visible))
                {
                    list.Add(new(n, "akshara-split", $"line {l + 1} starts with U+{(int)visible[0]:X4}, inside an akshara"));
                }
            }

            var d = c.Duration;
            if (d < rules.MinDuration)
            {
                list.Add(new(n, "min-duration", $"{S(d)} s, minimum {S(rules.MinDuration)} s"));
            }

            if (d > rules.MaxDuration)
            {
                list.Add(new(n, "max-duration", $"{S(d)} s, maximum {S(rules.MaxDuration)} s"));
            }

            double speed = reading / d.TotalSeconds;
            // A millisecond of rounding in the file must not turn a cue timed to the limit into a violation.
            if (reading / (d.TotalSeconds + 0.001) > rules.MaxAksharasPerSecond)
            {
                list.Add(new(n, "reading-speed", $"{speed.ToString("F1", inv)} aksharas/s ({reading} in {S(d)} s), maximum {rules.MaxAksharasPerSecond.ToString(inv)}"));
            }

            if (mediaDuration is { } m && c.End > m + TimeSpan.FromMilliseconds(1))
            {
                list.Add(new(n, "after-end", $"ends at {S(c.End)} s, after the media's end at {S(m)} s"));
            }
        }

        return list;
    }

    private static bool StartsInsideAkshara(string line)
    {
        char c = line[0];
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark || WordCharacters.IsJoiner(c);
    }

    private static string S(TimeSpan t) => t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
}
