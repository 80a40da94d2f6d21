namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>
/// Finds the shape that makes a backtracking regex take exponential time: a group repeated without bound whose body
/// can itself match in several ways (it holds a repetition or an alternation), as in <c>(a+)+$</c> or
/// <c>(a|a)*$</c>. A per-match timeout does not help a tokenizer, which runs the pattern on every line: 40 such
/// lines took minutes. Atomic groups (which possessive quantifiers become) cannot backtrack into, so they are safe.
/// </summary>
internal static class RegexHazard
{
    /// <summary>True when <paramref name="pattern"/> (.NET syntax) has a group that is repeated without bound and
    /// can match one text in more than one way.</summary>
    public static bool HasNestedRepetition(string pattern)
    {
        var frames = new Stack<Frame>();
        var current = new Frame(Atomic: false);
        Frame? lastGroup = null;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    i = SkipEscape(pattern, i);
                    lastGroup = null;
                    continue;
                case '[':
                    i = SkipClass(pattern, i);
                    lastGroup = null;
                    continue;
                case '(':
                    frames.Push(current);
                    current = new Frame(Atomic: pattern.AsSpan(i).StartsWith("(?>"));
                    i++;
                    lastGroup = null;
                    continue;
                case ')':
                    var closed = current;
                    current = frames.Count > 0 ? frames.Pop() : new Frame(Atomic: false);
                    if (!closed.Atomic)
                    {
                        current.Repeats |= closed.Repeats;
                    }

                    lastGroup = closed;
                    i++;
                    continue;
                case '|':
                    current.Alternates = true;
                    i++;
                    lastGroup = null;
                    continue;
                case '*' or '+' or '{':
                {
                    var (end, unbounded, repeats) = Quantifier(pattern, i);
                    if (end < 0)
                    {
                        i++;
                        lastGroup = null;
                        continue;
                    }

                    if (unbounded && lastGroup is { Atomic: false } g && (g.Repeats || g.Alternates))
                    {
                        return true;
                    }

                    current.Repeats |= repeats;
                    i = end;
                    lastGroup = null;
                    continue;
                }

                default:
                    i++;
                    if (c != '?')
                    {
                        lastGroup = null;
                    }

                    continue;
            }
        }

        return false;
    }

    private static (int End, bool Unbounded, bool Repeats) Quantifier(string p, int i)
    {
        if (p[i] != '{')
        {
            return (i + 1, true, true);
        }

        var close = p.IndexOf('}', i);
        if (close < 0)
        {
            return (-1, false, false);
        }

        var body = p.AsSpan(i + 1, close - i - 1);
        var comma = body.IndexOf(',');
        if (comma < 0)
        {
            return int.TryParse(body, out var n) ? (close + 1, false, n > 1) : (-1, false, false);
        }

        if (!int.TryParse(body[..comma], out _))
        {
            return (-1, false, false);
        }

        var max = body[(comma + 1)..];
        if (max.IsEmpty)
        {
            return (close + 1, true, true);
        }

        return int.TryParse(max, out var m) ? (close + 1, false, m > 1) : (-1, false, false);
    }

    private static int SkipEscape(string p, int i)
    {
        if (i + 1 >= p.Length)
        {
            return i + 1;
        }

        if (p[i + 1] is 'p' or 'P' && i + 2 < p.Length && p[i + 2] == '{')
        {
            var close = p.IndexOf('}', i);
            return close < 0 ? p.Length : close + 1;
        }

        return i + 2;
    }

    private static int SkipClass(string p, int i)
    {
        i++;
        if (i < p.Length && p[i] == '^')
        {
            i++;
        }

        if (i < p.Length && p[i] == ']')
        {
            i++;
        }

        while (i < p.Length && p[i] != ']')
        {
            if (p[i] == '\\')
            {
                i = SkipEscape(p, i);
            }
            else if (p[i] == '[')
            {
                // .NET class subtraction: [a-z-[aeiou]]
                i = SkipClass(p, i);
            }
            else
            {
                i++;
            }
        }

        return i + 1;
    }

    private sealed class Frame(bool Atomic)
    {
        public bool Atomic { get; } = Atomic;

        public bool Repeats { get; set; }

        public bool Alternates { get; set; }
    }
}
