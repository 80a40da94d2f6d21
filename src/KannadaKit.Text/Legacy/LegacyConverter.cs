using System.Text;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.Text.Legacy;

/// <summary>
/// Converts between Unicode Kannada and text typed in the Nudi/Baraha ANSI fonts (Kannada glyphs stored as Latin-1
/// characters), and detects such text.
/// </summary>
/// <remarks>
/// Built from the attested glyph facts in <see cref="NudiGlyphs"/> only; what they do not cover is reported (see
/// <see cref="TryFromUnicode"/>) or passed through, never guessed. Immutable and thread-safe.
/// </remarks>
public sealed class LegacyConverter
{
    private readonly Dictionary<string, string> _toGlyphs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _toUnicode = new(StringComparer.Ordinal);
    private readonly int _maxGlyphs;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _glyphLookup;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _unicodeLookup;

    /// <summary>The converter for the Nudi/Baraha layout.</summary>
    public static LegacyConverter Nudi { get; } = new();

    private const string SignGlyphs = "ÀÁÄÆÈñÉÃÊËï";

    private LegacyConverter()
    {
        foreach (var (u, g) in NudiGlyphs.Letters)
            Add(u, g);
        foreach (var c in NudiGlyphs.Consonants)
        {
            Add(c.Unicode + "್", c.Bare + NudiGlyphs.Virama);
            if (c.Inherent is { } inherent)
                Add(c.Unicode, inherent);
            if (!c.TakesSigns)
                continue;
            foreach (var (sign, afterInherent, glyphs) in NudiGlyphs.Signs)
                Add(c.Unicode + sign, (afterInherent ? c.Inherent : c.Bare) + glyphs);
            if (c.WithI is { } withI)
            {
                Add(c.Unicode + "ಿ", withI);
                Add(c.Unicode + "ೀ", withI + "Ã");
            }
        }
        foreach (var (u, g) in NudiGlyphs.Syllables)
            Add(u, g);
        _maxGlyphs = _toUnicode.Keys.Max(k => k.Length);
        _glyphLookup = _toUnicode.GetAlternateLookup<ReadOnlySpan<char>>();
        _unicodeLookup = _toGlyphs.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private void Add(string unicode, string glyphs)
    {
        _toGlyphs[unicode] = glyphs;
        _toUnicode.TryAdd(glyphs, unicode);
    }

    /// <summary>True when a line looks like Nudi/Baraha font text: no Kannada, and Latin-1 letters among its letters.</summary>
    public static bool LooksLegacy(ReadOnlySpan<char> line)
    {
        int high = 0, ascii = 0;
        foreach (char c in line)
        {
            if (c is >= '\u0C80' and <= '\u0CFF')
                return false;
            if (c is >= '\u00A1' and <= '\u00FF')
                high++;
            else if (char.IsAsciiLetter(c))
                ascii++;
        }
        // Legacy Kannada uses the whole upper half of Latin-1; English or ISO-romanized text barely touches it.
        return high > 0 && high * 5 >= high + ascii;
    }

    /// <summary>Converts legacy glyph text (as Latin-1 characters) to Unicode Kannada. Unknown glyphs pass through.</summary>
    public string ToUnicode(ReadOnlySpan<char> glyphs)
    {
        var sb = new StringBuilder(glyphs.Length * 2);
        int i = 0;
        while (i < glyphs.Length)
        {
            char c = glyphs[i];
            if (c is 'ö' or '÷')
            {
                i++; // spacing-only glyphs carry nothing
                continue;
            }
            int len = Math.Min(_maxGlyphs, glyphs.Length - i);
            string? unicode = null;
            for (; len > 0; len--)
            {
                if (_glyphLookup.TryGetValue(glyphs.Slice(i, len), out unicode))
                    break;
            }
            if (unicode is null)
            {
                sb.Append(c);
                i++;
                continue;
            }
            int end = i + len;
            // Satellites: subscript consonants and the arkavattu, in whatever order the typist left them.
            var subscripts = new StringBuilder();
            var lateSigns = new StringBuilder();
            bool arkavattu = false;
            while (end < glyphs.Length)
            {
                char g = glyphs[end];
                if (g is >= NudiGlyphs.SubscriptFirst && g < NudiGlyphs.SubscriptFirst + NudiGlyphs.SubscriptOrder.Length)
                    subscripts.Append('್').Append(NudiGlyphs.SubscriptOrder[g - NudiGlyphs.SubscriptFirst]);
                else if (g == NudiGlyphs.Arkavattu)
                    arkavattu = true;
                else if (g == NudiGlyphs.Talakattu && glyphs[end - 1] == NudiGlyphs.Talakattu)
                { /* a doubled head stroke is one */ }
                else if (subscripts.Length > 0 && SignGlyphs.Contains(g)
                         && _toUnicode.ContainsKey(string.Concat(glyphs.Slice(i, len), lateSigns.ToString(), g.ToString())))
                    lateSigns.Append(g); // a sign typed after the subscript still belongs to the head
                else
                    break;
                end++;
            }
            if (lateSigns.Length > 0)
                unicode = _toUnicode[string.Concat(glyphs.Slice(i, len), lateSigns.ToString())];
            if (arkavattu)
                sb.Append("ರ್");
            // The vowel sign belongs after the cluster: ಕ + ್ಯ + ಾ, though the glyphs put ್ಯ last.
            int signAt = FirstSign(unicode);
            sb.Append(unicode.AsSpan(0, signAt)).Append(subscripts).Append(unicode.AsSpan(signAt));
            i = end;
        }
        return sb.ToString();
    }

    /// <summary>Converts legacy glyph text to Unicode Kannada.</summary>
    public string ToUnicode(string glyphs) => ToUnicode(glyphs.AsSpan());

    private static int FirstSign(string syllable)
    {
        for (int k = 1; k < syllable.Length; k++)
        {
            char c = syllable[k];
            if (c is >= '\u0CBE' and <= '\u0CCD' or '\u0CE2' or '\u0CE3')
                return k;
        }
        return syllable.Length;
    }

    /// <summary>
    /// Writes Unicode Kannada in the legacy glyph encoding, when every akshara of it has attested glyphs.
    /// </summary>
    /// <param name="text">Unicode text.</param>
    /// <param name="glyphs">The legacy text, or null.</param>
    /// <param name="failedAt">Where the first akshara without attested glyphs starts (-1 on success).</param>
    public bool TryFromUnicode(ReadOnlySpan<char> text, out string? glyphs, out int failedAt)
    {
        var sb = new StringBuilder(text.Length * 2);
        foreach (var seg in Aksharas.Enumerate(text))
        {
            var ak = text.Slice(seg.Start, seg.Length);
            if (!Append(ak, sb))
            {
                glyphs = null;
                failedAt = seg.Start;
                return false;
            }
        }
        glyphs = sb.ToString();
        failedAt = -1;
        return true;
    }

    private bool Append(ReadOnlySpan<char> ak, StringBuilder sb)
    {
        if (ak.Length == 1 && NudiGlyphs.SameInBoth.Contains(ak[0]))
        {
            sb.Append(ak[0]);
            return true;
        }
        // Marks close the akshara: written last.
        string marks = "";
        while (ak.Length > 1 && ak[^1] is 'ಂ' or 'ಃ')
        {
            marks = (ak[^1] == 'ಂ' ? "A" : "B") + marks;
            ak = ak[..^1];
        }
        if (_unicodeLookup.TryGetValue(ak, out string? whole))
        {
            sb.Append(whole).Append(marks);
            return true;
        }
        bool arkavattu = false;
        if (ak.Length > 2 && ak[0] == 'ರ' && ak[1] == '್' && NudiGlyphsIsConsonant(ak[2]))
        {
            arkavattu = true;
            ak = ak[2..];
        }
        // First consonant (with nukta), then virama + consonant pairs as subscripts, then the vowel part.
        int c1 = ak.Length > 1 && ak[1] == '಼' ? 2 : 1;
        if (!NudiGlyphsIsConsonant(ak[0]))
            return false;
        var subs = new StringBuilder();
        int i = c1;
        while (i + 1 < ak.Length && ak[i] == '್' && NudiGlyphsIsConsonant(ak[i + 1]))
        {
            char s = NudiGlyphs.SubscriptOf(ak[i + 1]);
            if (s == '\0' || (i + 2 < ak.Length && ak[i + 2] == '಼'))
                return false;
            subs.Append(s);
            i += 2;
        }
        if (!arkavattu && subs.Length == 0)
            return false; // a single syllable not in the table
        string key = string.Concat(ak[..c1], ak[i..]);
        if (!_toGlyphs.TryGetValue(key, out string? head))
            return false;
        sb.Append(head).Append(subs);
        if (arkavattu)
            sb.Append(NudiGlyphs.Arkavattu);
        sb.Append(marks);
        return true;
    }

    private static bool NudiGlyphsIsConsonant(char c) => c is >= '\u0C95' and <= '\u0CB9' or '\u0CDE';
}
