using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Telugu code points inside a mostly-Kannada word are mapped to the Kannada letters they stand for.</summary>
internal sealed class ScriptLookalikeRule : NormalizationRule
{
    private const int TeluguToKannada = 0x80; // the two blocks share one layout, 128 apart

    public override string Name => "script-lookalikes";

    public override string Description =>
        "Telugu code points inside a word that is mostly Kannada (mixed keyboards, OCR) become the Kannada character at the same "
        + "block offset (U+0C12 ఒ → U+0C92 ಒ) when that character exists";

    public override void DeclareTriggers(TriggerSet triggers) => triggers.AddContextualRange('\u0C00', '\u0C7F');

    public override bool IsTriggeredAt(ReadOnlySpan<char> text, int index) =>
        (index > 0 && IndicScripts.Kannada.Contains(text[index - 1]))
        || (index + 1 < text.Length && IndicScripts.Kannada.Contains(text[index + 1]));

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        int i = 0;
        while (i < s.Length)
        {
            if (!IsWordChar(s[i]))
            {
                i++;
                continue;
            }

            int end = i;
            int kannada = 0;
            int telugu = 0;
            while (end < s.Length && IsWordChar(s[end]))
            {
                kannada += IndicScripts.Kannada.Contains(s[end]) ? 1 : 0;
                telugu += IndicScripts.Telugu.Contains(s[end]) ? 1 : 0;
                end++;
            }

            if (telugu > 0 && kannada >= telugu)
            {
                for (int k = i; k < end; k++)
                {
                    if (IndicScripts.Telugu.Contains(s[k]) && Counterpart(s[k]) is char kn)
                    {
                        output.Replace(k, 1, kn);
                    }
                }
            }

            i = end;
        }
    }

    private static bool IsWordChar(char c) =>
        IndicScripts.Kannada.Contains(c) || IndicScripts.Telugu.Contains(c) || WordCharacters.IsJoiner(c);

    private static char? Counterpart(char telugu)
    {
        char kn = (char)(telugu + TeluguToKannada);
        var a = char.GetUnicodeCategory(telugu);
        var b = char.GetUnicodeCategory(kn);
        return a == b && b != System.Globalization.UnicodeCategory.OtherNotAssigned ? kn : null;
    }
}
