using System.Globalization;
using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Segmentation;

/// <summary>
/// Orthographic syllables (aksharas) of Kannada and the other Brahmic scripts the normalizer knows: a consonant
/// cluster joined by viramas (ಕ್ಷ, ಸ್ತ್ರೀ, non-repha ರ‍್ಯ), with nukta, vowel signs and anusvara/visarga; an
/// independent vowel with its signs; a dead consonant at a word end (ಬಸ್). Other text falls back to Unicode
/// extended grapheme clusters, which keep emoji sequences and combining marks whole.
/// </summary>
/// <remarks>
/// .NET text elements split Kannada conjuncts (ಕ್|ಷ) because UAX #29 GB9c lists no Kannada virama; these do not.
/// A ZWNJ after a virama ends the akshara it belongs to (explicit halant: ಬ|ಸ್‌|ಸ್ಟಾ|ಪ್); a ZWJ there continues the cluster.
/// Stateless, allocation-free for span APIs, thread-safe.
/// </remarks>
public static class Aksharas
{
    private const char Zwj = WordCharacters.Zwj;
    private const char Zwnj = WordCharacters.Zwnj;

    /// <summary>Length of the akshara that starts at <paramref name="start"/>.</summary>
    public static int NextLength(ReadOnlySpan<char> text, int start)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(start, text.Length);
        char c = text[start];
        var cls = IndicCharClasses.Of(c);
        if (cls == IndicCharClass.None)
        {
            return NonIndicLength(text, start);
        }

        var script = IndicScripts.Of(c)!;
        int i = start + 1;
        switch (cls)
        {
            case IndicCharClass.Consonant:
                i = ConsonantCluster(text, start, script);
                i = Signs(text, i, script);
                break;
            case IndicCharClass.Vowel:
            case IndicCharClass.OtherLetter:
            case IndicCharClass.Sign:
            case IndicCharClass.Nukta:
            case IndicCharClass.Virama:
                // A vowel takes its signs; an orphan sign at the start still groups with the signs after it.
                i = Signs(text, i, script);
                break;
            default:
                return 1; // digits and punctuation stand alone
        }

        return TrailingJoiners(text, i) - start;
    }

    /// <summary>Number of aksharas in <paramref name="text"/>.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        int n = 0;
        for (int i = 0; i < text.Length; i += NextLength(text, i))
        {
            n++;
        }

        return n;
    }

    /// <summary>Enumerates the aksharas of <paramref name="text"/> as ranges, without allocating.</summary>
    public static AksharaEnumerator Enumerate(ReadOnlySpan<char> text) => new(text);

    /// <summary>The aksharas of <paramref name="text"/> as segments.</summary>
    public static IReadOnlyList<TextSegment> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<TextSegment>(text.Length / 2);
        foreach (var s in Enumerate(text))
        {
            list.Add(s);
        }

        return list;
    }

    /// <summary>
    /// Columns the text takes on screen, for subtitle line lengths: an akshara or a Latin letter is 1, East Asian wide
    /// characters and emoji are 2, controls and invisible format characters are 0.
    /// </summary>
    public static int DisplayWidth(ReadOnlySpan<char> text)
    {
        int width = 0;
        for (int i = 0; i < text.Length;)
        {
            int length = NextLength(text, i);
            width += UnitWidth(text.Slice(i, length));
            i += length;
        }

        return width;
    }

    private static int ConsonantCluster(ReadOnlySpan<char> text, int start, IndicScript script)
    {
        int i = start + 1;
        while (true)
        {
            while (i < text.Length && IndicCharClasses.Of(text[i]) == IndicCharClass.Nukta && script.Contains(text[i]))
            {
                i++;
            }

            // RA+ZWJ+VIRAMA (non-repha ರ‍್, Devanagari eyelash RA) keeps the ZWJ inside the cluster.
            int v = i;
            if (v + 1 < text.Length && text[v] == Zwj && IsVirama(text[v + 1], script))
            {
                v++;
            }

            if (v >= text.Length || !IsVirama(text[v], script))
            {
                return i;
            }

            int next = v + 1;
            if (next < text.Length && text[next] == Zwj && next + 1 < text.Length && IsConsonant(text[next + 1], script)
                && HasHalfForms(script))
            {
                next++; // C+VIRAMA+ZWJ+C asks for a half form: still one cluster
            }

            if (next < text.Length && IsConsonant(text[next], script) && JoinsAcrossVirama(script, text[start..next], text[next]))
            {
                i = next + 1;
                continue;
            }

            // Virama not followed by a consonant: a dead consonant ends the akshara (ಬಸ್, ಬಸ್‌).
            return v + 1;
        }
    }

    private static int Signs(ReadOnlySpan<char> text, int i, IndicScript script)
    {
        while (i < text.Length && script.Contains(text[i]) && IndicCharClasses.Of(text[i]) is IndicCharClass.Sign or IndicCharClass.Nukta)
        {
            i++;
        }

        // A virama after signs is malformed but belongs here rather than starting a syllable of its own.
        while (i < text.Length && IsVirama(text[i], script))
        {
            i++;
        }

        return i;
    }

    private static int TrailingJoiners(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is Zwj or Zwnj)
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Scripts with half forms join C+VIRAMA+ZWJ+C into one cluster. In Kannada, Telugu and Malayalam that sequence is
    /// how legacy converters write an explicit halant (ಗ್ರಿಡ್‍ಗೆ), so it ends the akshara like ZWNJ does.
    /// </summary>
    private static bool HasHalfForms(IndicScript script) =>
        script == IndicScripts.Devanagari || script == IndicScripts.Bengali || script == IndicScripts.Gujarati
        || script == IndicScripts.Gurmukhi || script == IndicScripts.Odia;

    /// <summary>
    /// Tamil writes clusters with a visible pulli (virama), one consonant per akshara, except the ligatures க்ஷ and ஸ்ரீ.
    /// </summary>
    private static bool JoinsAcrossVirama(IndicScript script, ReadOnlySpan<char> soFar, char next)
    {
        if (script != IndicScripts.Tamil)
        {
            return true;
        }

        return (soFar is ['\u0B95', '\u0BCD'] && next == '\u0BB7') || (soFar is ['\u0BB8', '\u0BCD'] && next == '\u0BB0');
    }

    private static bool IsVirama(char c, IndicScript script) => script.Contains(c) && IndicCharClasses.Of(c) == IndicCharClass.Virama;

    private static bool IsConsonant(char c, IndicScript script) => script.Contains(c) && IndicCharClasses.Of(c) == IndicCharClass.Consonant;

    private static int NonIndicLength(ReadOnlySpan<char> text, int start)
    {
        char c = text[start];
        // ASCII fast path: a lone ASCII char not followed by anything that could extend it.
        if (c < 0x80 && c != '\r' && (start + 1 == text.Length || text[start + 1] < 0x300))
        {
            return 1;
        }

        int length = StringInfo.GetNextTextElementLength(text[start..]);
        return Math.Max(length, 1);
    }

    private static int UnitWidth(ReadOnlySpan<char> unit)
    {
        char c = unit[0];
        if (IndicScripts.IsIndic(c))
        {
            return 1;
        }

        if (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
        {
            return 0;
        }

        int cp = char.IsHighSurrogate(c) && unit.Length > 1 ? char.ConvertToUtf32(c, unit[1]) : c;
        return IsWide(cp) ? 2 : 1;
    }

    // East Asian Wide/Fullwidth ranges and emoji (UAX #11), the blocks that matter for subtitles.
    private static bool IsWide(int cp) =>
        (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}
