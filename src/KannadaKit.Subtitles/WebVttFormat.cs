using System.Text;

namespace KannadaKit.Subtitles;

/// <summary>
/// WebVTT by the W3C parsing rules: a <c>WEBVTT</c> signature line (optionally after a BOM, followed by a space, a
/// tab or the line end) is required; blocks are separated by blank lines; a block with a valid timing line is a cue
/// (an identifier line may come first); NOTE blocks are comments; STYLE and REGION blocks before the first cue are
/// kept; anything else, and cues with unreadable timings, are skipped and reported as issues, as browsers do.
/// The writer escapes nothing itself: cue text is payload (see <see cref="CueText.EscapeVtt"/>).
/// </summary>
public static class WebVttFormat
{
    /// <summary>Reads WebVTT from UTF-8 bytes; <paramref name="name"/> names the file in messages.</summary>
    /// <exception cref="SubtitleFormatException">Invalid UTF-8 or a missing WEBVTT signature.</exception>
    public static SubtitleDocument Read(ReadOnlySpan<byte> utf8, string name = "<vtt>") => Parse(SubtitleText.Decode(utf8, name), name);

    /// <summary>Reads WebVTT text.</summary>
    public static SubtitleDocument Parse(string text, string name = "<vtt>")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var lines = SubtitleText.Lines(text);
        if (lines.Count == 0 || !lines[0].StartsWith("WEBVTT", StringComparison.Ordinal) || (lines[0].Length > 6 && lines[0][6] is not (' ' or '\t')))
        {
            throw new SubtitleFormatException($"{name}: line 1: not a WebVTT file: expected 'WEBVTT' at the start of the first line");
        }

        var header = new StringBuilder(lines[0].Length > 7 ? lines[0][7..] : "");
        int i = 1;
        // Header lines run to the first blank line, unless one holds '-->' (then a cue starts there).
        while (i < lines.Count && lines[i].Length > 0 && !lines[i].Contains("-->", StringComparison.Ordinal))
        {
            header.Append('\n').Append(lines[i]);
            i++;
        }

        var cues = new List<Cue>();
        var blocks = new List<string>();
        var issues = new List<SubtitleIssue>();
        while (i < lines.Count)
        {
            if (lines[i].Length == 0)
            {
                i++;
                continue;
            }

            int blockStart = i;
            string first = lines[i];
            if (!first.Contains("-->", StringComparison.Ordinal) && (i + 1 >= lines.Count || !lines[i + 1].Contains("-->", StringComparison.Ordinal)))
            {
                int end = BlockEnd(lines, i);
                string keyword = first.Split(' ', '\t')[0];
                if (keyword is "STYLE" or "REGION" && first.Trim() == keyword && cues.Count == 0)
                {
                    blocks.Add(string.Join('\n', lines.GetRange(i, end - i)));
                }
                else if (keyword != "NOTE")
                {
                    issues.Add(new SubtitleIssue(blockStart + 1, $"skipped a block that is not a cue ('{Clip(first)}')"));
                }

                i = end;
                continue;
            }

            string? id = null;
            if (!first.Contains("-->", StringComparison.Ordinal))
            {
                id = first;
                i++;
            }

            int timingLine = i;
            if (!TryParseTiming(lines[i], out var start, out var stop, out string? settings, out string problem))
            {
                issues.Add(new SubtitleIssue(timingLine + 1, $"skipped a cue: {problem}"));
                i = BlockEnd(lines, i + 1);
                continue;
            }

            i++;
            var payload = new List<string>();
            while (i < lines.Count && lines[i].Length > 0 && !lines[i].Contains("-->", StringComparison.Ordinal))
            {
                payload.Add(lines[i]);
                i++;
            }

            if (stop <= start)
            {
                issues.Add(new SubtitleIssue(timingLine + 1, "cue ends at or before its start"));
            }

            cues.Add(new Cue(start, stop, string.Join('\n', payload)) { Identifier = id, Settings = settings });
        }

        return new SubtitleDocument(cues) { Header = header.Length == 0 ? null : header.ToString(), Blocks = blocks, Issues = issues };
    }

    /// <summary>Writes WebVTT as text with LF line ends; hours are always written.</summary>
    public static string Write(SubtitleDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder("WEBVTT");
        if (!string.IsNullOrEmpty(document.Header))
        {
            sb.Append(' ').Append(document.Header);
        }

        sb.Append("\n\n");
        foreach (var block in document.Blocks)
        {
            sb.Append(block).Append("\n\n");
        }

        foreach (var cue in document.Cues)
        {
            if (!string.IsNullOrEmpty(cue.Identifier))
            {
                sb.Append(cue.Identifier.Replace("-->", "->", StringComparison.Ordinal).Replace('\n', ' ')).Append('\n');
            }

            sb.Append(SubtitleTime.Format(cue.Start, '.')).Append(" --> ").Append(SubtitleTime.Format(cue.End, '.'));
            if (!string.IsNullOrEmpty(cue.Settings))
            {
                sb.Append(' ').Append(cue.Settings);
            }

            sb.Append('\n');
            foreach (var line in cue.Text.Split('\n'))
            {
                // A blank line ends a cue and '-->' starts one: keep both out of the payload.
                string safe = line.Replace("-->", "--&gt;", StringComparison.Ordinal);
                sb.Append(safe.Length == 0 ? "&nbsp;" : safe).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static int BlockEnd(List<string> lines, int i)
    {
        while (i < lines.Count && lines[i].Length > 0)
        {
            i++;
        }

        return i;
    }

    private static bool TryParseTiming(string line, out TimeSpan start, out TimeSpan end, out string? settings, out string problem)
    {
        start = end = default;
        settings = null;
        var s = line.AsSpan().TrimStart(" \t");
        int a = SubtitleTime.ParseVtt(s, out start);
        if (a == 0)
        {
            problem = $"bad start time in '{Clip(line)}' (expected [hh:]mm:ss.ttt)";
            return false;
        }

        s = s[a..];
        var afterStart = s.TrimStart(" \t");
        if (afterStart.Length == s.Length || !afterStart.StartsWith("-->"))
        {
            problem = $"expected ' --> ' after the start time in '{Clip(line)}'";
            return false;
        }

        s = afterStart[3..];
        var afterArrow = s.TrimStart(" \t");
        if (afterArrow.Length == s.Length)
        {
            problem = $"expected a space after '-->' in '{Clip(line)}'";
            return false;
        }

        int b = SubtitleTime.ParseVtt(afterArrow, out end);
        if (b == 0)
        {
            problem = $"bad end time in '{Clip(line)}' (expected [hh:]mm:ss.ttt)";
            return false;
        }

        var rest = afterArrow[b..];
        if (rest.Length > 0 && rest[0] is not (' ' or '\t'))
        {
            problem = $"unexpected text after the end time in '{Clip(line)}'";
            return false;
        }

        var trimmed = rest.Trim(" \t");
        settings = trimmed.Length == 0 ? null : trimmed.ToString();
        problem = "";
        return true;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
