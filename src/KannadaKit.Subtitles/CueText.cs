using System.Net;
using System.Text;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.Subtitles;

/// <summary>
/// Cue payloads: the visible text rules count (tags removed, WebVTT entities decoded), akshara counts, and the
/// escaping that turns plain text into a payload. Lengths are aksharas, not UTF-16 units or .NET text elements:
/// ಕರ್ನಾಟಕ is 7 code points and 5 text elements but 4 aksharas, which is what a reader sees.
/// </summary>
public static class CueText
{
    /// <summary>The payload with tags (<c>&lt;i&gt;</c>, <c>&lt;v Name&gt;</c>, <c>&lt;00:01.000&gt;</c>…) removed and entities decoded.</summary>
    public static string Visible(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.IndexOfAny(['<', '&']) < 0)
        {
            return payload;
        }

        var sb = new StringBuilder(payload.Length);
        for (int i = 0; i < payload.Length; i++)
        {
            char c = payload[i];
            if (c == '<')
            {
                int close = payload.IndexOf('>', i + 1);
                if (close > i && IsTag(payload.AsSpan(i + 1, close - i - 1)))
                {
                    i = close;
                    continue;
                }
            }

            sb.Append(c);
        }

        string s = sb.ToString();
        return s.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(s) : s;
    }

    /// <summary>Aksharas in the visible text of one line (spaces and punctuation count one each, as characters do in style guides).</summary>
    public static int LineLength(string line) => Aksharas.Count(Visible(line));

    /// <summary>Aksharas a viewer reads in the whole cue (line breaks not counted).</summary>
    public static int ReadingLength(string payload) => payload.Split('\n').Sum(LineLength);

    /// <summary>Plain text as a WebVTT payload: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped.</summary>
    public static string EscapeVtt(string plain) =>
        plain.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Plain text as a payload of <paramref name="format"/>.</summary>
    public static string Payload(string plain, SubtitleFormat format) => format == SubtitleFormat.WebVtt ? EscapeVtt(plain) : plain;

    /// <summary>A payload of one format as a payload of the other (SRT's font tags have no WebVTT form and are dropped).</summary>
    public static string Convert(string payload, SubtitleFormat from, SubtitleFormat to)
    {
        if (from == to)
        {
            return payload;
        }

        var sb = new StringBuilder(payload.Length);
        for (int i = 0; i < payload.Length; i++)
        {
            char c = payload[i];
            if (c == '<')
            {
                int close = payload.IndexOf('>', i + 1);
                if (close > i && IsTag(payload.AsSpan(i + 1, close - i - 1)))
                {
                    var tag = payload.AsSpan(i, close - i + 1);
                    string name = TagName(tag);
                    if (name is "i" or "b" or "u")
                    {
                        sb.Append(tag); // both formats have these
                    }

                    i = close;
                    continue;
                }
            }

            if (to == SubtitleFormat.WebVtt && c is '<' or '>')
            {
                sb.Append(c == '<' ? "&lt;" : "&gt;");
            }
            else if (to == SubtitleFormat.WebVtt && c == '&' && !StartsEntity(payload.AsSpan(i)))
            {
                sb.Append("&amp;");
            }
            else if (to == SubtitleFormat.Srt && c == '&' && StartsEntity(payload.AsSpan(i)))
            {
                int semi = payload.IndexOf(';', i);
                sb.Append(WebUtility.HtmlDecode(payload[i..(semi + 1)]));
                i = semi;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    internal static string TagName(ReadOnlySpan<char> tag)
    {
        var inner = tag.Trim("<>/");
        int end = inner.IndexOfAny(" \t.");
        return (end < 0 ? inner : inner[..end]).ToString().ToLowerInvariant();
    }

    private static bool IsTag(ReadOnlySpan<char> inner)
    {
        if (inner.IsEmpty)
        {
            return false;
        }

        var name = inner[0] == '/' ? inner[1..] : inner;
        // Timestamp tags (<00:01.000>) and named tags (<i>, <c.yellow>, <v Ravi>, <font color=...>).
        return !name.IsEmpty && (char.IsAsciiDigit(name[0]) || char.IsAsciiLetter(name[0]));
    }

    private static bool AllLetters(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsEntity(ReadOnlySpan<char> s)
    {
        int semi = s.IndexOf(';');
        if (semi < 2 || semi > 10)
        {
            return false;
        }

        var body = s[1..semi];
        return body[0] == '#' ? body.Length > 1 && !body[1..].ContainsAnyExceptInRange('0', '9') : AllLetters(body);
    }
}
