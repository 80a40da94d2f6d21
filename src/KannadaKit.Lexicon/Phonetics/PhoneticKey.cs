using System.Globalization;
using System.Text;
using KannadaKit.Lexicon.Ellara;

namespace KannadaKit.Lexicon.Phonetics;

/// <summary>
/// A clean-room phonetic key for Kannada that Latin input reaches too: spellings that sound alike, or that a typist
/// writes alike in Latin letters, get the same ASCII key. The word is first put into Bhat's ಹೊಸಬರಹ (aspirates, ಷ, ಋ, ಃ,
/// ಐ/ಔ and arkavottu fall together, so ಭಾರತ/ಬಾರತ and ಕೈ/ಕಯ್ meet); then retroflex and dental, ಶ and ಸ, ಲ and ಳ, vowel length
/// and gemination are merged. Voicing (k/g, t/d, p/b) is kept: typists do write it. Thread-safe.
/// </summary>
public static class PhoneticKey
{
    private static readonly EllaraRespeller s_ellara = new(EllaraOptions.Default);

    /// <summary>The key of a Kannada word (non-Kannada characters are skipped).</summary>
    public static string OfKannada(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string text = s_ellara.Respell(word.Normalize(NormalizationForm.FormC));
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (ConsonantKey(c) is { } k)
            {
                if (next == '\u0CBC') // nukta: ಫ಼ is f, ಜ಼ is z
                {
                    k = c == 'ಫ' ? "F" : c == 'ಜ' ? "J" : k;
                    i++;
                    next = i + 1 < text.Length ? text[i + 1] : '\0';
                }

                Append(sb, k);
                if (next is '\u0CCD' or '\u200D' || IsVowelSign(next))
                    continue;
                Append(sb, "A"); // inherent vowel
            }
            else if (VowelKey(c) is { } v)
            {
                Append(sb, v);
            }
            else if (c == '\u0C82') // anusvara: a nasal of the following consonant's place, written N
            {
                Append(sb, "N");
            }
        }

        return Finish(sb);
    }

    /// <summary>The key of Latin input as people type Kannada (casual, ISO 15919 or ITRANS-like).</summary>
    public static string OfLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Strip diacritics (ā→a, ṭ→t, ṇ→n, ś→s); ṃ/ṁ stay as a nasal.
        var plain = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (c is >= 'a' and <= 'z')
                plain.Append(c);
        }

        string s = plain.ToString();
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            string rest = s[i..];
            (string key, int used) = rest switch
            {
                _ when rest.StartsWith("ksh", StringComparison.Ordinal) => ("KS", 3),
                _ when rest.StartsWith("chh", StringComparison.Ordinal) => ("C", 3),
                _ when rest.StartsWith("ch", StringComparison.Ordinal) => ("C", 2),
                _ when rest.StartsWith("sh", StringComparison.Ordinal) => ("S", 2),
                _ when rest.StartsWith("ai", StringComparison.Ordinal) => ("AY", 2),
                _ when rest.StartsWith("au", StringComparison.Ordinal) || rest.StartsWith("ou", StringComparison.Ordinal) => ("AV", 2),
                _ when rest.StartsWith("ee", StringComparison.Ordinal) => ("I", 2),
                _ when rest.StartsWith("oo", StringComparison.Ordinal) => ("U", 2),
                _ when rest.Length >= 2 && rest[1] == 'h' && "kgjtdpb".Contains(rest[0], StringComparison.Ordinal) => (LatinConsonant(rest[0]), 2),
                _ when rest[0] == 'm' && rest.Length >= 2 && "pb".Contains(rest[1], StringComparison.Ordinal) => ("N", 1),
                _ when rest[0] == 'x' => ("KS", 1),
                _ => (LatinSingle(rest[0]), 1),
            };
            Append(sb, key);
            i += used;
        }

        return Finish(sb);
    }

    /// <summary>True when the text is Latin letters only (with spaces and diacritics): the key of Latin input applies.</summary>
    public static bool IsLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool any = false;
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
                any = true;
            else if (!(c == ' ' || c == '-' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
                return false;
        }

        return any;
    }

    // Geminates and repeated vowels collapse: ಕನ್ನಡ and "kannada" both give KANADA.
    private static void Append(StringBuilder sb, string key)
    {
        foreach (char k in key)
        {
            if (sb.Length > 0 && sb[^1] == k)
                continue;
            sb.Append(k);
        }
    }

    private static string Finish(StringBuilder sb) => sb.ToString();

    private static string LatinConsonant(char c) => c switch
    {
        'k' => "K", 'g' => "G", 'j' => "J", 't' => "T", 'd' => "D", 'p' => "P", 'b' => "B",
        _ => "",
    };

    private static string LatinSingle(char c) => c switch
    {
        'a' => "A", 'e' => "E", 'i' => "I", 'o' => "O", 'u' => "U",
        'k' or 'q' or 'c' => "K", 'g' => "G", 'j' or 'z' => "J", 't' => "T", 'd' => "D", 'n' => "N",
        'p' or 'f' => "P", 'b' => "B", 'm' => "M", 'y' => "Y", 'r' => "R", 'l' => "L", 'v' or 'w' => "V",
        's' => "S", 'h' => "H",
        _ => "",
    };

    private static bool IsVowelSign(char c) => c is >= '\u0CBE' and <= '\u0CCC' or '\u0CE2' or '\u0CE3';

    private static string? ConsonantKey(char c) => c switch
    {
        'ಕ' or 'ಖ' => "K", 'ಗ' or 'ಘ' => "G", 'ಙ' => "N",
        'ಚ' or 'ಛ' => "C", 'ಜ' or 'ಝ' => "J", 'ಞ' => "N",
        'ಟ' or 'ಠ' or 'ತ' or 'ಥ' => "T", 'ಡ' or 'ಢ' or 'ದ' or 'ಧ' => "D", 'ಣ' or 'ನ' => "N",
        'ಪ' or 'ಫ' => "P", 'ಬ' or 'ಭ' => "B", 'ಮ' => "M",
        'ಯ' => "Y", 'ರ' or 'ಱ' => "R", 'ಲ' or 'ಳ' or 'ೞ' => "L", 'ವ' => "V",
        'ಶ' or 'ಷ' or 'ಸ' => "S", 'ಹ' => "H",
        _ => null,
    };

    private static string? VowelKey(char c) => c switch
    {
        'ಅ' or 'ಆ' or '\u0CBE' => "A",
        'ಇ' or 'ಈ' or '\u0CBF' or '\u0CC0' => "I",
        'ಉ' or 'ಊ' or '\u0CC1' or '\u0CC2' => "U",
        'ಋ' or 'ೠ' or '\u0CC3' or '\u0CC4' => "RU",
        'ಎ' or 'ಏ' or '\u0CC6' or '\u0CC7' => "E",
        'ಐ' or '\u0CC8' => "AY",
        'ಒ' or 'ಓ' or '\u0CCA' or '\u0CCB' => "O",
        'ಔ' or '\u0CCC' => "AV",
        _ => null,
    };
}
