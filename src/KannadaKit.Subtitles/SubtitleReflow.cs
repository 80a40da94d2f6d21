namespace KannadaKit.Subtitles;

/// <summary>
/// Re-breaks an existing file's lines and cues by the rules. Words never change and keep their order; a cue is split
/// where its text does not fit (its time shared among the parts in proportion to their aksharas) and never merged
/// with its neighbours (speaker turns and deliberate breaks stay); then every cue is timed as
/// <see cref="CueBuilder"/> times new cues, so the output passes <see cref="SubtitleValidator"/> wherever the rules
/// can be met.
/// </summary>
public static class SubtitleReflow
{
    /// <summary>The reflowed document (header and blocks kept, identifiers dropped where a cue was split).</summary>
    public static SubtitleDocument Reflow(SubtitleDocument document, SubtitleRules rules, TimeSpan? mediaEnd = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        var groups = new List<IReadOnlyList<TimedWord>>();
        var origin = new List<Cue>();
        var splitCue = new List<bool>();
        foreach (var cue in document.Cues.OrderBy(c => c.Start))
        {
            var words = cue.Text.Replace('\n', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue; // nothing to show
            }

            var widths = words.Select(w => Math.Max(CueText.LineLength(w), 1)).ToArray();
            double total = widths.Sum() + words.Length - 1;
            var timed = new List<TimedWord>(words.Length);
            double at = 0;
            var span = cue.End > cue.Start ? cue.End - cue.Start : TimeSpan.Zero;
            for (int k = 0; k < words.Length; k++)
            {
                var s = cue.Start + (span * (at / total));
                at += widths[k];
                var e = cue.Start + (span * (at / total));
                at += 1;
                timed.Add(new TimedWord(words[k], s, e));
            }

            var parts = Split(timed, rules);
            foreach (var p in parts)
            {
                groups.Add(p);
                origin.Add(cue);
                splitCue.Add(parts.Count > 1);
            }
        }

        var timedCues = CueBuilder.Time(groups, rules, mediaEnd);
        var cues = new List<Cue>(timedCues.Count);
        for (int i = 0; i < timedCues.Count; i++)
        {
            cues.Add(timedCues[i] with
            {
                Identifier = splitCue[i] ? null : origin[i].Identifier,
                Settings = origin[i].Settings,
            });
        }

        return document with { Cues = cues, Issues = [] };
    }

    /// <summary>The words of one cue in as few parts as fit the lines, the reading speed and the longest duration.</summary>
    private static List<IReadOnlyList<TimedWord>> Split(List<TimedWord> words, SubtitleRules rules)
    {
        var whole = string.Join(' ', words.Select(w => w.Text));
        var span = words[^1].End - words[0].Start;
        if (LineBreaker.Break(whole, rules) is not null && span <= rules.MaxDuration)
        {
            return [words];
        }

        // The builder's grouping on this cue alone: a part ends where the lines overflow or the time runs out, and
        // early after a sentence once it holds 40 % of a cue, so a split falls between sentences, not inside one.
        var rebuilt = new List<IReadOnlyList<TimedWord>>();
        var current = new List<TimedWord>();
        int capacity = rules.MaxLines * rules.MaxLineAksharas;
        foreach (var w in words)
        {
            if (current.Count > 0)
            {
                string sofar = string.Join(' ', current.Select(x => x.Text));
                string candidate = sofar + " " + w.Text;
                string lastVisible = CueText.Visible(current[^1].Text);
                bool sentence = lastVisible.Length > 0 && CueBuilder.SentenceEnd.Contains(lastVisible[^1], StringComparison.Ordinal)
                    && CueText.ReadingLength(sofar) >= capacity * 0.4;
                if (sentence || LineBreaker.Break(candidate, rules) is null || w.End - current[0].Start > rules.MaxDuration)
                {
                    rebuilt.Add(current);
                    current = [];
                }
            }

            current.Add(w);
        }

        rebuilt.Add(current);
        return rebuilt;
    }
}
