using KannadaKit.Text.Segmentation;

namespace KannadaKit.Subtitles;

/// <summary>
/// Turns timed words into cues that follow <see cref="SubtitleRules"/>: words are gathered while they fit the lines,
/// the longest duration and the pause limit (ending early after a sentence when the cue is well filled); each cue is
/// then timed: stretched to its minimum and reading-speed duration into the silence after it (then before it), and
/// only when speech is denser than the rules allow, later cues are pushed back as far as needed. Words never change.
/// </summary>
public static class CueBuilder
{
    /// <summary>Characters that end a sentence (Kannada uses the Latin full stop; the dandas appear in verse).</summary>
    internal const string SentenceEnd = ".?!।॥";

    /// <summary>Builds cues from <paramref name="words"/> (in time order); <paramref name="mediaEnd"/> bounds every time when known.</summary>
    /// <param name="words">The words, in time order.</param>
    /// <param name="rules">The rules the cues follow.</param>
    /// <param name="mediaEnd">The media's end, when known: no cue ends after it.</param>
    /// <param name="companion">For dual-script subtitles: each cue becomes one line of its words and one line of this
    /// function's rendering of them (a transliteration), both within the line limit.</param>
    public static IReadOnlyList<Cue> Build(IReadOnlyList<TimedWord> words, SubtitleRules rules, TimeSpan? mediaEnd = null, Func<string, string>? companion = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        var groups = Group(SplitLongWords(words, rules), rules, companion);
        return Time(groups, rules, mediaEnd, companion);
    }

    /// <summary>Times already-grouped cues (reflow keeps the grouping it made); the words of each group form one cue.</summary>
    internal static IReadOnlyList<Cue> Time(IReadOnlyList<IReadOnlyList<TimedWord>> groups, SubtitleRules rules, TimeSpan? mediaEnd, Func<string, string>? companion = null)
    {
        var starts = new List<TimeSpan>();
        var ends = new List<TimeSpan>();
        var texts = new List<string>();
        foreach (var g in groups)
        {
            string text = string.Join(' ', g.Select(w => w.Text));
            if (companion is not null)
            {
                texts.Add(text + "\n" + companion(text));
            }
            else
            {
                var lines = LineBreaker.Break(text, rules) ?? [text];
                texts.Add(string.Join('\n', lines));
            }

            // Whole milliseconds from the start, so the gaps and durations set here survive the files' precision.
            starts.Add(SubtitleTime.Round(g[0].Start));
            ends.Add(SubtitleTime.Round(g.Max(w => w.End)));
        }

        var gap = rules.MinGap;
        for (int i = 0; i < texts.Count; i++)
        {
            if (i > 0 && starts[i] < ends[i - 1] + gap)
            {
                // The gap comes out of the cue before first (its out-time), as far as its own need allows, so this
                // cue still appears when its speech starts; only what is left pushes this cue later.
                var floor = starts[i - 1] + Need(texts[i - 1], rules);
                var trimmed = starts[i] - gap;
                ends[i - 1] = trimmed > floor ? (trimmed < ends[i - 1] ? trimmed : ends[i - 1]) : (floor < ends[i - 1] ? floor : ends[i - 1]);
                if (starts[i] < ends[i - 1] + gap)
                {
                    starts[i] = ends[i - 1] + gap; // pushed by the cue before
                }
            }

            if (ends[i] < starts[i])
            {
                ends[i] = starts[i];
            }

            var need = Need(texts[i], rules);
            if (ends[i] - starts[i] > rules.MaxDuration)
            {
                ends[i] = starts[i] + rules.MaxDuration;
            }

            if (ends[i] - starts[i] < need)
            {
                ends[i] = starts[i] + need;
                if (i + 1 < texts.Count && ends[i] + gap > starts[i + 1])
                {
                    // Into the silence before the cue instead, as far as the previous cue allows.
                    var earliest = i > 0 ? ends[i - 1] + gap : TimeSpan.Zero;
                    var limit = starts[i + 1] - gap;
                    var start = limit - need;
                    starts[i] = start < earliest ? earliest : start < starts[i] ? start : starts[i];
                    ends[i] = starts[i] + need;
                }
            }

            if (mediaEnd is { } m && ends[i] > m)
            {
                ends[i] = m;
                if (starts[i] > m - rules.MinDuration)
                {
                    var s = m - need;
                    var earliest = i > 0 ? ends[i - 1] + gap : TimeSpan.Zero;
                    starts[i] = s < earliest ? earliest : s;
                }
            }
        }

        var cues = new List<Cue>(texts.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            cues.Add(new Cue(SubtitleTime.Round(starts[i]), SubtitleTime.Round(ends[i]), texts[i]));
        }

        return cues;
    }

    /// <summary>How long a cue must show: its minimum duration or its reading time, within the maximum.</summary>
    internal static TimeSpan Need(string text, SubtitleRules rules)
    {
        var reading = TimeSpan.FromSeconds(Math.Ceiling(CueText.ReadingLength(text) / rules.MaxAksharasPerSecond * 1000) / 1000);
        var need = reading > rules.MinDuration ? reading : rules.MinDuration;
        return need > rules.MaxDuration ? rules.MaxDuration : need;
    }

    private static List<IReadOnlyList<TimedWord>> Group(List<TimedWord> words, SubtitleRules rules, Func<string, string>? companion)
    {
        var groups = new List<IReadOnlyList<TimedWord>>();
        var current = new List<TimedWord>();
        int capacity = rules.MaxLines * rules.MaxLineAksharas;
        foreach (var w in words)
        {
            if (current.Count > 0)
            {
                var last = current[^1];
                string candidate = string.Join(' ', current.Select(x => x.Text).Append(w.Text));
                bool pause = w.Start - last.End > rules.MaxPause;
                bool tooLong = w.End - current[0].Start > rules.MaxDuration;
                bool overflow = companion is null
                    ? LineBreaker.Break(candidate, rules) is null
                    : CueText.LineLength(candidate) > rules.MaxLineAksharas || CueText.LineLength(companion(candidate)) > rules.MaxLineAksharas;
                string lastVisible = CueText.Visible(last.Text);
                bool sentence = lastVisible.Length > 0 && SentenceEnd.Contains(lastVisible[^1], StringComparison.Ordinal)
                    && CueText.ReadingLength(string.Join(' ', current.Select(x => x.Text))) >= capacity * 0.4;
                // Too fast to read even at full length: start a new cue so time can be found for each.
                // Dual-script cues are read in full (both lines count), as the validator counts them.
                string read = companion is null ? candidate : candidate + " " + companion(candidate);
                bool dense = CueText.ReadingLength(read) > rules.MaxAksharasPerSecond * rules.MaxDuration.TotalSeconds;
                if (pause || tooLong || overflow || sentence || dense)
                {
                    groups.Add(current);
                    current = [];
                }
            }

            current.Add(w);
        }

        if (current.Count > 0)
        {
            groups.Add(current);
        }

        return groups;
    }

    /// <summary>A word wider than a whole cue is cut between aksharas into cue-sized parts, its time shared by length.</summary>
    private static List<TimedWord> SplitLongWords(IReadOnlyList<TimedWord> words, SubtitleRules rules)
    {
        var list = new List<TimedWord>(words.Count);
        // Parts as wide as a whole cue, so two parts never share a cue (which would put a space inside the word).
        int max = rules.MaxLines * rules.MaxLineAksharas;
        foreach (var w in words)
        {
            int width = CueText.LineLength(w.Text);
            if (width <= max || w.Text.Contains('<', StringComparison.Ordinal))
            {
                list.Add(w);
                continue;
            }

            var cuts = new List<int> { 0 };
            int count = 0;
            for (int i = 0; i < w.Text.Length; i += Aksharas.NextLength(w.Text, i))
            {
                if (count > 0 && count % max == 0)
                {
                    cuts.Add(i);
                }

                count++;
            }

            cuts.Add(w.Text.Length);
            for (int k = 0; k + 1 < cuts.Count; k++)
            {
                var a = w.Start + ((w.End - w.Start) * k / (cuts.Count - 1));
                var b = w.Start + ((w.End - w.Start) * (k + 1) / (cuts.Count - 1));
                list.Add(new TimedWord(w.Text[cuts[k]..cuts[k + 1]], a, b));
            }
        }

        return list;
    }
}
