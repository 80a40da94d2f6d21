using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Kannada character classes the contextual rules share.</summary>
internal static class KannadaLetters
{
    private static readonly IndicScript s_kn = IndicScripts.Kannada;

    /// <summary>A letter or a vowel sign/nukta after which an anusvara or visarga can follow: not a virama, digit, or bindu.</summary>
    public static bool CanCarryBindu(char c) =>
        s_kn.IsConsonant(c) || IsIndependentVowel(c) || IsVowelSign(c) || c == s_kn.Nukta;

    public static bool IsIndependentVowel(char c) => (c >= '\u0C85' && c <= '\u0C94') || c is '\u0CE0' or '\u0CE1';

    /// <summary>Dependent vowel signs ಾ–ೌ, ೕ ೖ and vocalic ೢ ೣ.</summary>
    public static bool IsVowelSign(char c) => (c >= '\u0CBE' && c <= '\u0CCC') || c is '\u0CD5' or '\u0CD6' or '\u0CE2' or '\u0CE3';

    /// <summary>Letters and marks that make up Kannada words, plus the joiners that live inside them.</summary>
    public static bool IsWordChar(char c) => (s_kn.Contains(c) && WordCharacters.IsLetterOrMark(c)) || WordCharacters.IsJoiner(c);
}
