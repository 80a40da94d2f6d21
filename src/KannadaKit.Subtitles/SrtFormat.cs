using System.Text;

namespace KannadaKit.Subtitles;

/// <summary>
/// SubRip: cues numbered from 1, <c>HH:MM:SS,mmm --> HH:MM:SS,mmm</c>, text, a blank line. The reader accepts what
/// players accept (a missing number, '.' for ',', a BOM, CR line ends, text after a blank line inside a cue) and
/// fails on a timing it cannot read, naming the line.
/// </summary>
public static class SrtFormat
{
    /// <summary>Reads SRT from UTF-8 bytes; <paramref name="name"/> names the file in messages.</summary>
    /// <exception cref="SubtitleFormatException">Invalid UTF-8 or an unreadable timing line.</exception>
    public static SubtitleDocument Read(ReadOnlySpan<byte> utf8, string name = "<srt>") => Parse(SubtitleText.Decode(utf8, name), name);

    /// <summary>Reads SRT text.</summary>
    public static SubtitleDocument Parse(string text, string name = "<srt>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SubtitleText.Lines(text.StartsWith('\uFEFF') ? text[1..] : text);
        var cues = new List<Cue>();
        var issues = new List<SubtitleIssue>();
        int i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Trim().Length == 0)
            {
                i++;
                continue;
            }

            int blockStart = i;
            int timing = -1;
            if (lines[i].Contains("-->", StringComparison.Ordinal))
            {
                timing = i;
            }
            else if (i + 1 < lines.Count && lines[i + 1].Contains("-->", StringComparison.Ordinal) && IsNumber(lines[i]))
            {
                timing = i + 1;
            }

            if (timing < 0 && IsNumber(lines[i]) && i + 1 < lines.Count && lines[i + 1].Trim().Length > 0)
            {
                ParseTiming(lines[i + 1], name, i + 2); // a cue number, then something that is not a timing: say what
            }

            if (timing < 0)
            {
                // Text after a blank line inside a cue: players show it as part of that cue.
                int end = i;
                while (end < lines.Count && lines[end].Trim().Length > 0)
                {
                    end++;
                }

                if (cues.Count == 0)
                {
                    throw new SubtitleFormatException($"{name}: line {blockStart + 1}: expected a cue number or a timing line 'HH:MM:SS,mmm --> HH:MM:SS,mmm', found '{Clip(lines[i])}'");
                }

                var last = cues[^1];
                cues[^1] = last with { Text = last.Text + "\n" + string.Join('\n', lines.GetRange(i, end - i)) };
                issues.Add(new SubtitleIssue(blockStart + 1, "text after a blank line joined to the cue before it"));
                i = end;
                continue;
            }

            var (start, stop) = ParseTiming(lines[timing], name, timing + 1);
            int t = timing + 1;
            var textLines = new List<string>();
            while (t < lines.Count && lines[t].Trim().Length > 0)
            {
                if (lines[t].Contains("-->", StringComparison.Ordinal) && SubtitleTime.ParseSrt(lines[t].AsSpan().Trim(), out _) > 0)
                {
                    break; // the next cue without a blank line before it
                }

                textLines.Add(lines[t]);
                t++;
            }

            if (textLines.Count > 0 && t < lines.Count && lines[t].Trim().Length > 0 && IsNumber(textLines[^1]))
            {
                textLines.RemoveAt(textLines.Count - 1); // that number belongs to the next cue
                t--;
            }

            cues.Add(new Cue(start, stop, string.Join('\n', textLines)));
            i = t;
        }

        return new SubtitleDocument(cues) { Issues = issues };
    }

    /// <summary>Writes SRT as UTF-8 text with LF line ends, numbering the cues from 1.</summary>
    public static string Write(SubtitleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        int n = 1;
        foreach (var cue in document.Cues)
        {
            sb.Append(n++).Append('\n');
            sb.Append(SubtitleTime.Format(cue.Start, ',')).Append(" --> ").Append(SubtitleTime.Format(cue.End, ',')).Append('\n');
            // A blank line would end the cue early and '-->' would read as a timing: neither may be in the text.
            foreach (var line in cue.Text.Split('\n'))
            {
                string safe = line.Replace("-->", "->", StringComparison.Ordinal);
                sb.Append(safe.Trim().Length == 0 ? "\u00A0" : safe).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static (TimeSpan Start, TimeSpan End) ParseTiming(string line, string name, int lineNumber)
    {
        var s = line.AsSpan().Trim();
        int a = SubtitleTime.ParseSrt(s, out var start);
        var rest = a > 0 ? s[a..].TrimStart() : default;
        if (a == 0 || !rest.StartsWith("-->"))
        {
            throw new SubtitleFormatException($"{name}: line {lineNumber}: expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm', found '{Clip(line)}'");
        }

        rest = rest[3..].TrimStart();
        int b = SubtitleTime.ParseSrt(rest, out var end);
        if (b == 0)
        {
            throw new SubtitleFormatException($"{name}: line {lineNumber}: expected an end time 'HH:MM:SS,mmm' after '-->', found '{Clip(line)}'");
        }

        return (start, end);
    }

    private static bool IsNumber(string line)
    {
        var t = line.AsSpan().Trim();
        return t.Length > 0 && t.Length < 10 && !t.ContainsAnyExceptInRange('0', '9');
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
