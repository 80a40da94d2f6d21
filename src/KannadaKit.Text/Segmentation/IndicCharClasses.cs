using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Segmentation;

/// <summary>Class table for U+0900–U+0D7F, built once from <see cref="IndicScript"/> facts.</summary>
internal static class IndicCharClasses
{
    private const char First = '\u0900';
    private static readonly IndicCharClass[] s_table = Build();

    public static IndicCharClass Of(char c)
    {
        uint o = (uint)(c - First);
        return o < (uint)s_table.Length ? s_table[o] : IndicCharClass.None;
    }

    private static IndicCharClass[] Build()
    {
        var table = new IndicCharClass[9 * 0x80];
        foreach (var script in IndicScripts.All)
        {
            for (int c = script.BlockStart; c < script.BlockStart + 0x80; c++)
            {
                char ch = (char)c;
                table[c - First] = ch == script.Virama || IsExtraVirama(ch) ? IndicCharClass.Virama
                    : ch == script.Nukta ? IndicCharClass.Nukta
                    : script.IsConsonant(ch) ? IndicCharClass.Consonant
                    : script.IsDigit(ch) ? IndicCharClass.Digit
                    : IsIndependentVowel(script, ch) ? IndicCharClass.Vowel
                    : script.IsLetter(ch) ? IndicCharClass.OtherLetter
                    : script.IsMark(ch) ? IndicCharClass.Sign
                    : IndicCharClass.Other;
            }
        }

        return table;
    }

    // Malayalam U+0D3B/U+0D3C are viramas too (vertical bar and circular).
    private static bool IsExtraVirama(char c) => c is '\u0D3B' or '\u0D3C';

    private static bool IsIndependentVowel(IndicScript script, char c)
    {
        // Offsets 0x04–0x14 and 0x60–0x61 hold the independent vowels in every Indic block (ISCII layout).
        int o = c - script.BlockStart;
        return script.IsLetter(c) && ((o >= 0x04 && o <= 0x14) || o is 0x60 or 0x61);
    }
}
