using System.Text;
using KannadaKit.Lexicon.Model;
using KannadaKit.Text.Transliteration;

namespace KannadaKit.Lexicon.Phonetics;

/// <summary>
/// ISO 15919 (through the script toolkit) and a broad IPA transcription computed from the spelling: short ಅ as ɐ,
/// geminates with ː, anusvara as the nasal of the next consonant's place. Thread-safe.
/// </summary>
public static class Pronouncer
{
    /// <summary>The computed pronunciation of a Kannada word.</summary>
    public static Pronunciation Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string nfc = word.Normalize(NormalizationForm.FormC);
        return new Pronunciation(RomanSchemes.Iso15919.FromKannada(nfc.AsSpan(), reversible: false), Ipa(nfc), Provenance.Computed);
    }

    /// <summary>Broad IPA for a Kannada word.</summary>
    public static string Ipa(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var sb = new StringBuilder(word.Length * 2);
        string? lastConsonant = null;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            char next = i + 1 < word.Length ? word[i + 1] : '\0';
            if (Consonant(c) is { } k)
            {
                if (next == '\u0CBC')
                {
                    k = c == 'ಫ' ? "f" : c == 'ಜ' ? "z" : k;
                    i++;
                    next = i + 1 < word.Length ? word[i + 1] : '\0';
                }

                if (k == lastConsonant)
                    sb.Append('ː');
                else
                    sb.Append(k);
                lastConsonant = null;
                if (next == '\u0CCD')
                {
                    lastConsonant = k;
                    i++;
                }
                else if (Vowel(next) is null)
                {
                    sb.Append('ɐ');
                }
            }
            else if (Vowel(c) is { } v)
            {
                sb.Append(v);
                lastConsonant = null;
            }
            else if (c == '\u0C82')
            {
                sb.Append(Nasal(next));
                lastConsonant = null;
            }
            else if (c == '\u0C83')
            {
                sb.Append('h');
            }
        }

        return sb.ToString();
    }

    private static string Nasal(char next) => next switch
    {
        'ಕ' or 'ಖ' or 'ಗ' or 'ಘ' => "ŋ",
        'ಚ' or 'ಛ' or 'ಜ' or 'ಝ' => "ɲ",
        'ಟ' or 'ಠ' or 'ಡ' or 'ಢ' => "ɳ",
        'ತ' or 'ಥ' or 'ದ' or 'ಧ' or 'ನ' or 'ಸ' => "n",
        _ => "m",
    };

    private static string? Vowel(char c) => c switch
    {
        'ಅ' => "ɐ", 'ಆ' or '\u0CBE' => "aː", 'ಇ' or '\u0CBF' => "i", 'ಈ' or '\u0CC0' => "iː",
        'ಉ' or '\u0CC1' => "u", 'ಊ' or '\u0CC2' => "uː", 'ಋ' or '\u0CC3' => "ru", 'ೠ' or '\u0CC4' => "ruː",
        'ಎ' or '\u0CC6' => "e", 'ಏ' or '\u0CC7' => "eː", 'ಐ' or '\u0CC8' => "ɐi̯",
        'ಒ' or '\u0CCA' => "o", 'ಓ' or '\u0CCB' => "oː", 'ಔ' or '\u0CCC' => "ɐu̯",
        _ => null,
    };

    private static string? Consonant(char c) => c switch
    {
        'ಕ' => "k", 'ಖ' => "kʰ", 'ಗ' => "g", 'ಘ' => "gʱ", 'ಙ' => "ŋ",
        'ಚ' => "t͡ʃ", 'ಛ' => "t͡ʃʰ", 'ಜ' => "d͡ʒ", 'ಝ' => "d͡ʒʱ", 'ಞ' => "ɲ",
        'ಟ' => "ʈ", 'ಠ' => "ʈʰ", 'ಡ' => "ɖ", 'ಢ' => "ɖʱ", 'ಣ' => "ɳ",
        'ತ' => "t̪", 'ಥ' => "t̪ʰ", 'ದ' => "d̪", 'ಧ' => "d̪ʱ", 'ನ' => "n",
        'ಪ' => "p", 'ಫ' => "pʰ", 'ಬ' => "b", 'ಭ' => "bʱ", 'ಮ' => "m",
        'ಯ' => "j", 'ರ' or 'ಱ' => "r", 'ಲ' => "l", 'ವ' => "ʋ", 'ಶ' => "ʃ", 'ಷ' => "ʂ", 'ಸ' => "s", 'ಹ' => "h",
        'ಳ' => "ɭ", 'ೞ' => "ɻ",
        _ => null,
    };
}
