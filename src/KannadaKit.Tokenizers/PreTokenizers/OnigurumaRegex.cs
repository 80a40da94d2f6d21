using System.Text;
using System.Text.RegularExpressions;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>
/// Translates the Oniguruma/Rust patterns found in tokenizer.json files into .NET patterns that split the same way:
/// possessive quantifiers become atomic groups, \w/\W take Oniguruma's word definition (all marks, so Kannada vowel
/// signs stay inside words; .NET's \w leaves out spacing marks), and \h/\H are hexadecimal digits (Oniguruma's
/// default syntax; in Perl they would be horizontal space).
/// </summary>
internal static class OnigurumaRegex
{
    // Oniguruma's \w, which this translator must reproduce (not KannadaKit's own word characters): letters, marks,
    // decimal digits and connector punctuation. Unlike UTS #18 it leaves out ZWNJ/ZWJ, so the HF library splits
    // ಬಸ್‌ಸ್ಟಾಪ್ at the joiner (checked against it live in OnigurumaEscapeTests).
    private const string WordClass = @"\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}";
    private const string HexClass = "0-9A-Fa-f";

    /// <summary>The longest one match may take; a pattern that takes longer fails the whole run at once.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The .NET regex for a tokenizer.json pattern. A pattern that could backtrack exponentially runs on the
    /// linear-time engine (same matches), or is refused where it needs constructs that engine lacks.</summary>
    /// <exception cref="ArgumentException">The pattern is invalid or refused.</exception>
    public static Regex Create(string pattern)
    {
        var translated = Translate(pattern);
        if (!RegexHazard.HasNestedRepetition(translated))
        {
            return new(translated, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
        }

        try
        {
            return new(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException)
        {
            throw new ArgumentException("a group repeated without bound that can match in several ways (as in (a+)+) takes exponential time, "
                + "and the pattern also uses lookaround, atomic groups or backreferences, which the linear-time engine lacks; refusing it");
        }
    }

    /// <summary>The error for a match that ran past <see cref="MatchTimeout"/>.</summary>
    public static TokenizerException TimedOut(Regex regex, RegexMatchTimeoutException e) =>
        new($"pattern {regex} took over {MatchTimeout.TotalSeconds:0} s on one text (it backtracks too much); fix the tokenizer's pattern", e);

    /// <summary>A regex matching <paramref name="literal"/> exactly.</summary>
    public static Regex Literal(string literal) => new(Regex.Escape(literal), RegexOptions.CultureInvariant);

    public static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var atomStarts = new Stack<int>();
        var lastAtomStart = -1;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                {
                    var start = sb.Length;
                    i = CopyEscape(pattern, i, sb, inClass: false);
                    lastAtomStart = start;
                    continue;
                }

                case '[':
                {
                    var start = sb.Length;
                    i = CopyClass(pattern, i, sb);
                    lastAtomStart = start;
                    continue;
                }

                case '(':
                    atomStarts.Push(sb.Length);
                    sb.Append(c);
                    i++;
                    lastAtomStart = -1;
                    continue;
                case ')':
                    sb.Append(c);
                    i++;
                    lastAtomStart = atomStarts.Count > 0 ? atomStarts.Pop() : -1;
                    continue;
                case '*' or '+' or '?' or '{':
                {
                    var qEnd = QuantifierEnd(pattern, i);
                    if (qEnd < 0)
                    {
                        sb.Append(c);
                        i++;
                        lastAtomStart = sb.Length - 1;
                        continue;
                    }

                    sb.Append(pattern, i, qEnd - i);
                    i = qEnd;
                    if (i < pattern.Length && pattern[i] == '+' && lastAtomStart >= 0)
                    {
                        // Possessive: X*+ ≡ (?>X*)
                        sb.Insert(lastAtomStart, "(?>");
                        sb.Append(')');
                        i++;
                    }
                    else if (i < pattern.Length && pattern[i] == '?')
                    {
                        sb.Append('?');
                        i++;
                    }

                    lastAtomStart = -1;
                    continue;
                }

                default:
                    lastAtomStart = sb.Length;
                    sb.Append(c);
                    i++;
                    continue;
            }
        }

        return sb.ToString();
    }

    private static int QuantifierEnd(string p, int i)
    {
        if (p[i] != '{')
        {
            return i + 1;
        }

        var close = p.IndexOf('}', i);
        if (close < 0)
        {
            return -1;
        }

        var body = p.AsSpan(i + 1, close - i - 1);
        foreach (var ch in body)
        {
            if (!char.IsAsciiDigit(ch) && ch != ',')
            {
                return -1;
            }
        }

        return body.Length == 0 ? -1 : close + 1;
    }

    private static int CopyEscape(string p, int i, StringBuilder sb, bool inClass)
    {
        if (i + 1 >= p.Length)
        {
            sb.Append('\\');
            return i + 1;
        }

        var e = p[i + 1];
        switch (e)
        {
            case 'w':
                sb.Append(inClass ? WordClass : "[" + WordClass + "]");
                return i + 2;
            case 'W' when !inClass:
                sb.Append("[^" + WordClass + "]");
                return i + 2;
            // Oniguruma's default (Ruby) syntax: \h is a hexadecimal digit, not horizontal space as in Perl/PCRE.
            case 'h':
                sb.Append(inClass ? HexClass : "[" + HexClass + "]");
                return i + 2;
            case 'H' when !inClass:
                sb.Append("[^" + HexClass + "]");
                return i + 2;
            case 'p' or 'P' when i + 2 < p.Length && p[i + 2] == '{':
            {
                var close = p.IndexOf('}', i);
                sb.Append(p, i, close - i + 1);
                return close + 1;
            }

            default:
                sb.Append('\\').Append(e);
                return i + 2;
        }
    }

    private static int CopyClass(string p, int i, StringBuilder sb)
    {
        sb.Append('[');
        i++;
        if (i < p.Length && p[i] == '^')
        {
            sb.Append('^');
            i++;
        }

        if (i < p.Length && p[i] == ']')
        {
            sb.Append(@"\]");
            i++;
        }

        while (i < p.Length && p[i] != ']')
        {
            if (p[i] == '\\')
            {
                i = CopyEscape(p, i, sb, inClass: true);
            }
            else if (p[i] == '[')
            {
                // Oniguruma nested class (union); .NET has no nesting, so inline the members of a positive one.
                var inner = new StringBuilder();
                var end = CopyClass(p, i, inner);
                var body = inner.ToString(1, inner.Length - 2);
                sb.Append(body);
                i = end;
            }
            else
            {
                sb.Append(p[i]);
                i++;
            }
        }

        sb.Append(']');
        return i + 1;
    }
}
