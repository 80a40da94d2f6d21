using System.Globalization;

namespace KannadaKit.Text.Scripts;

/// <summary>
/// Facts about one Brahmic script block that share the ISCII-derived layout of Unicode's Indic blocks
/// (128 code points; virama at offset 0x4D, nukta at 0x3C, digits at 0x66–0x6F, RA at 0x30).
/// </summary>
/// <remarks>Immutable and thread-safe. Classification uses the Unicode general category of the runtime.</remarks>
public sealed class IndicScript
{
    internal IndicScript(string name, string code, char blockStart, bool hasNukta, bool keepsZwjAfterViramaAtWordEnd)
    {
        Name = name;
        Code = code;
        BlockStart = blockStart;
        Virama = (char)(blockStart + 0x4D);
        Nukta = hasNukta ? (char)(blockStart + 0x3C) : '\0';
        Ra = (char)(blockStart + 0x30);
        Anusvara = (char)(blockStart + 0x02);
        Visarga = (char)(blockStart + 0x03);
        DigitZero = (char)(blockStart + 0x66);
        KeepsZwjAfterViramaAtWordEnd = keepsZwjAfterViramaAtWordEnd;
    }

    /// <summary>English name, e.g. "Kannada".</summary>
    public string Name { get; }

    /// <summary>ISO 15924 code, e.g. "Knda".</summary>
    public string Code { get; }

    /// <summary>First code point of the 128-character block.</summary>
    public char BlockStart { get; }

    /// <summary>The virama (halant) sign.</summary>
    public char Virama { get; }

    /// <summary>The nukta sign, or U+0000 when the script has none.</summary>
    public char Nukta { get; }

    /// <summary>Letter RA, whose conjunct forms (repha) joiners can change.</summary>
    public char Ra { get; }

    /// <summary>The anusvara sign.</summary>
    public char Anusvara { get; }

    /// <summary>The visarga sign.</summary>
    public char Visarga { get; }

    /// <summary>Digit zero of the script.</summary>
    public char DigitZero { get; }

    /// <summary>
    /// True where CONSONANT+VIRAMA+ZWJ at the end of a word is meaningful: Malayalam chillus in the pre-5.1
    /// encoding, Bengali khanda ta. Elsewhere a joiner at a word edge has nothing to join.
    /// </summary>
    public bool KeepsZwjAfterViramaAtWordEnd { get; }

    /// <summary>True when <paramref name="c"/> lies in this script's block.</summary>
    public bool Contains(char c) => (uint)(c - BlockStart) < 0x80u;

    /// <summary>A consonant letter (including nukta consonants such as Devanagari U+0958).</summary>
    public bool IsConsonant(char c)
    {
        int o = c - BlockStart;
        if ((uint)o >= 0x80u || char.GetUnicodeCategory(c) != UnicodeCategory.OtherLetter)
        {
            return false;
        }

        // 0x15–0x39 is the consonant row in every Indic block; 0x58–0x5F holds extra consonants
        // (Devanagari qa…yya, Kannada U+0CDE LLLA). Kannada U+0CDD NAKAARA POLLU is a dead consonant (InSC).
        return (o >= 0x15 && o <= 0x39) || (o >= 0x58 && o <= 0x5F && c != '\u0CDD');
    }

    /// <summary>A combining sign of the block (vowel sign, virama, nukta, anusvara, visarga, length mark).</summary>
    public bool IsMark(char c) => Contains(c) && char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>A dependent vowel sign, anusvara, candrabindu, visarga or length mark: a mark that is neither virama nor nukta.</summary>
    public bool IsDependentSign(char c) => IsMark(c) && c != Virama && c != Nukta;

    /// <summary>Any letter of the block (consonant, independent vowel, avagraha, dead consonant).</summary>
    public bool IsLetter(char c) => Contains(c) && char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;

    /// <summary>A digit of the script (offsets 0x66–0x6F).</summary>
    public bool IsDigit(char c) => (uint)(c - DigitZero) < 10u;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
