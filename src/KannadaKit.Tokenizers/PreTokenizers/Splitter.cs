using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>Turns a list of (range, is-delimiter) segments covering a piece into pieces, per behaviour.</summary>
internal static class Splitter
{
    public static void Emit(Piece piece, List<(int Start, int End, bool IsMatch)> segments, SplitBehavior behavior,
        List<Piece> output)
    {
        switch (behavior)
        {
            case SplitBehavior.Removed:
                foreach (var (s, e, m) in segments)
                {
                    if (!m)
                    {
                        Add(piece, s, e, output);
                    }
                }

                break;
            case SplitBehavior.Isolated:
                foreach (var (s, e, _) in segments)
                {
                    Add(piece, s, e, output);
                }

                break;
            case SplitBehavior.Contiguous:
            {
                var i = 0;
                while (i < segments.Count)
                {
                    var (s, e, m) = segments[i++];
                    while (m && i < segments.Count && segments[i].IsMatch)
                    {
                        e = segments[i++].End;
                    }

                    Add(piece, s, e, output);
                }

                break;
            }

            case SplitBehavior.MergedWithPrevious:
            {
                var merged = new List<(int Start, int End)>();
                var previousMatch = false;
                foreach (var (s, e, m) in segments)
                {
                    if (m && !previousMatch && merged.Count > 0)
                    {
                        merged[^1] = (merged[^1].Start, e);
                    }
                    else
                    {
                        merged.Add((s, e));
                    }

                    previousMatch = m;
                }

                foreach (var (s, e) in merged)
                {
                    Add(piece, s, e, output);
                }

                break;
            }

            case SplitBehavior.MergedWithNext:
            {
                var merged = new List<(int Start, int End)>();
                var previousMatch = false;
                for (var i = segments.Count - 1; i >= 0; i--)
                {
                    var (s, e, m) = segments[i];
                    if (m && !previousMatch && merged.Count > 0)
                    {
                        merged[^1] = (s, merged[^1].End);
                    }
                    else
                    {
                        merged.Add((s, e));
                    }

                    previousMatch = m;
                }

                for (var i = merged.Count - 1; i >= 0; i--)
                {
                    Add(piece, merged[i].Start, merged[i].End, output);
                }

                break;
            }
        }
    }

    /// <summary>Segments where each code point satisfying <paramref name="isDelimiter"/> is one delimiter, written into <paramref name="segments"/> (cleared first).</summary>
    public static List<(int Start, int End, bool IsMatch)> ByCodePoint(ReadOnlySpan<char> text, Func<System.Text.Rune, bool> isDelimiter,
        List<(int Start, int End, bool IsMatch)> segments)
    {
        segments.Clear();
        var last = 0;
        for (var i = 0; i < text.Length;)
        {
            System.Text.Rune.DecodeFromUtf16(text[i..], out var rune, out var width);
            if (isDelimiter(rune))
            {
                if (last < i)
                {
                    segments.Add((last, i, false));
                }

                segments.Add((i, i + width, true));
                last = i + width;
            }

            i += width;
        }

        if (last < text.Length)
        {
            segments.Add((last, text.Length, false));
        }

        return segments;
    }

    /// <summary>Segments from regex matches (or, inverted, from what lies between them), written into <paramref name="segments"/> (cleared first).</summary>
    public static List<(int Start, int End, bool IsMatch)> ByRegex(ReadOnlySpan<char> text, System.Text.RegularExpressions.Regex regex, bool invert,
        List<(int Start, int End, bool IsMatch)> segments)
    {
        segments.Clear();
        var last = 0;
        try
        {
            foreach (var m in regex.EnumerateMatches(text))
            {
                if (last != m.Index)
                {
                    segments.Add((last, m.Index, invert));
                }

                segments.Add((m.Index, m.Index + m.Length, !invert));
                last = m.Index + m.Length;
            }
        }
        catch (RegexMatchTimeoutException e)
        {
            throw OnigurumaRegex.TimedOut(regex, e);
        }

        if (last != text.Length)
        {
            segments.Add((last, text.Length, invert));
        }

        return segments;
    }

    private static void Add(Piece piece, int start, int end, List<Piece> output)
    {
        if (end > start)
        {
            output.Add(piece.Slice(start, end - start));
        }
    }
}
