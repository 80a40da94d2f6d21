using System.Globalization;
using System.Text;

namespace KannadaKit.Text.Scripts;

/// <summary>
/// KannadaKit's one definition of a word character: a letter of any script, any combining mark (Kannada vowel signs
/// are spacing marks, category Mc, which regex <c>\w</c>, <c>\b</c> and <c>char.IsLetterOrDigit</c> leave out), a
/// decimal digit, or one of the joiners ZWNJ and ZWJ that live inside Indic words (ಬಸ್‌ಸ್ಟಾಪ್). Code that must
/// reproduce another library's definition (the Hugging Face tokenizer pre-tokenizers) keeps that library's instead.
/// </summary>
public static class WordCharacters
{
    /// <summary>ZERO WIDTH NON-JOINER: keeps a virama visible inside a word.</summary>
    public const char Zwnj = '\u200C';

    /// <summary>ZERO WIDTH JOINER: asks for a half or conjunct form inside a word.</summary>
    public const char Zwj = '\u200D';

    /// <summary>The body of a regex character class (no brackets) matching letters, marks and the joiners.</summary>
    public const string LetterClass = "\\p{L}\\p{M}\u200C\u200D";

    /// <summary>The body of a regex character class (no brackets) matching every word character.</summary>
    public const string WordClass = "\\p{L}\\p{M}\\p{Nd}\u200C\u200D";

    /// <summary>True for ZWNJ and ZWJ.</summary>
    public static bool IsJoiner(char c) => c is Zwnj or Zwj;

    /// <summary>A letter, a combining mark or a joiner: what the inside of a word is made of, digits aside.</summary>
    public static bool IsLetterOrMark(char c) => IsLetterOrMark(char.GetUnicodeCategory(c)) || IsJoiner(c);

    /// <summary>A word character (see the type's summary).</summary>
    public static bool IsWordChar(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return IsLetterOrMark(category) || category == UnicodeCategory.DecimalDigitNumber || IsJoiner(c);
    }

    /// <summary>A word character, for text outside the Basic Multilingual Plane too.</summary>
    public static bool IsWordChar(Rune r)
    {
        var category = Rune.GetUnicodeCategory(r);
        return IsLetterOrMark(category) || category == UnicodeCategory.DecimalDigitNumber || r.Value is Zwnj or Zwj;
    }

    private static bool IsLetterOrMark(UnicodeCategory category) => category <= UnicodeCategory.EnclosingMark;
}
