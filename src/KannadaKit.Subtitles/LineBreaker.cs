using KannadaKit.Text.Segmentation;

namespace KannadaKit.Subtitles;

/// <summary>
/// Breaks a cue's text into lines: only at spaces, never inside an akshara; as few lines as fit; balanced lengths;
/// a break after punctuation preferred. A word longer than a line is cut between aksharas (the only break not at a
/// space). Lengths are aksharas of the visible text (tags do not count).
/// </summary>
public static class LineBreaker
{
    private const string Punctuation = ".,?!;:।॥…";

    /// <summary>The lines, or null when the text needs more than <see cref="SubtitleRules.MaxLines"/> lines.</summary>
    public static IReadOnlyList<string>? Break(string text, SubtitleRules rules)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rules);
        var pieces = Pieces(text, rules.MaxLineAksharas);
        if (pieces.Count == 0)
        {
            return [""];
        }

        int total = Width(pieces, 0, pieces.Count);
        int min = Math.Max(1, (int)Math.Ceiling(total / (double)rules.MaxLineAksharas));
        for (int lines = min; lines <= rules.MaxLines; lines++)
        {
            var result = Best(pieces, lines, rules.MaxLineAksharas, total);
            if (result is not null)
            {
                return result;
            }
        }

        return null;
    }

    /// <summary>A word or part of one: its payload, visible width and whether a space precedes it.</summary>
    internal readonly record struct Piece(string Text, int Width, bool SpaceBefore);

    internal static List<Piece> Pieces(string text, int maxWidth)
    {
        var list = new List<Piece>();
        foreach (var word in text.Replace('\n', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int w = CueText.LineLength(word);
            if (w <= maxWidth || word.Contains('<', StringComparison.Ordinal))
            {
                list.Add(new Piece(word, w, true));
                continue;
            }

            // Longer than a line: cut between aksharas.
            int start = 0, width = 0;
            bool first = true;
            for (int i = 0; i < word.Length;)
            {
                int len = Aksharas.NextLength(word, i);
                if (width == maxWidth)
                {
                    list.Add(new Piece(word[start..i], width, first));
                    first = false;
                    start = i;
                    width = 0;
                }

                width++;
                i += len;
            }

            list.Add(new Piece(word[start..], width, first));
        }

        return list;
    }

    private static int Width(List<Piece> p, int from, int to)
    {
        int w = 0;
        for (int i = from; i < to; i++)
        {
            w += p[i].Width + (i > from && p[i].SpaceBefore ? 1 : 0);
        }

        return w;
    }

    /// <summary>Dynamic programming over break points: each line within the limit, cost = squared distance from an even share, less a bonus after punctuation.</summary>
    private static List<string>? Best(List<Piece> p, int lines, int max, int total)
    {
        int n = p.Count;
        double target = total / (double)lines;
        var cost = new double[lines + 1, n + 1];
        var from = new int[lines + 1, n + 1];
        for (int l = 0; l <= lines; l++)
        {
            for (int j = 0; j <= n; j++)
            {
                cost[l, j] = double.PositiveInfinity;
            }
        }

        cost[0, 0] = 0;
        for (int l = 1; l <= lines; l++)
        {
            for (int j = 1; j <= n; j++)
            {
                for (int i = j - 1; i >= 0; i--)
                {
                    int w = Width(p, i, j);
                    if (w > max)
                    {
                        break;
                    }

                    if (double.IsPositiveInfinity(cost[l - 1, i]))
                    {
                        continue;
                    }

                    double c = cost[l - 1, i] + ((w - target) * (w - target));
                    if (j < n)
                    {
                        string last = p[j - 1].Text;
                        if (last.Length > 0 && Punctuation.Contains(last[^1], StringComparison.Ordinal))
                        {
                            c -= target * target / 4;
                        }

                        if (!p[j].SpaceBefore)
                        {
                            c += target * target; // inside a word: only when nothing else fits
                        }
                    }

                    // Ties go to the shorter top line (bottom-heavy reads better).
                    c += w * 1e-6 * (lines - l + 1);
                    if (c < cost[l, j])
                    {
                        cost[l, j] = c;
                        from[l, j] = i;
                    }
                }
            }
        }

        if (double.IsPositiveInfinity(cost[lines, n]))
        {
            return null;
        }

        var result = new List<string>(lines);
        for (int l = lines, j = n; l > 0; l--)
        {
            int i = from[l, j];
            var sb = new System.Text.StringBuilder();
            for (int k = i; k < j; k++)
            {
                if (k > i && p[k].SpaceBefore)
                {
                    sb.Append(' ');
                }

                sb.Append(p[k].Text);
            }

            result.Insert(0, sb.ToString());
            j = i;
        }

        return result;
    }
}
