using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Deletes invisible format characters that carry nothing in running text.</summary>
internal sealed class InvisibleCharsRule : NormalizationRule
{
    public override string Name => "invisibles";

    public override string Description =>
        "delete BOM/ZWNBSP U+FEFF, U+FFFE, word joiner U+2060 and soft hyphen U+00AD; delete ZWSP U+200B next to Indic text, "
        + "except after a virama before a consonant, where it becomes ZWNJ so the explicit halant it caused stays";

    public override void DeclareTriggers(TriggerSet triggers) => triggers
        .Add(CharNames.Bom).Add(CharNames.NonCharacterFffe).Add(CharNames.WordJoiner).Add(CharNames.SoftHyphen).Add(CharNames.Zwsp);

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is CharNames.Bom or CharNames.NonCharacterFffe or CharNames.WordJoiner or CharNames.SoftHyphen)
            {
                output.Delete(i, 1);
            }
            else if (c == CharNames.Zwsp)
            {
                ApplyZwsp(ref output, s, i);
            }
        }
    }

    private static void ApplyZwsp(ref TextRewriter output, ReadOnlySpan<char> s, int i)
    {
        char left = i > 0 ? s[i - 1] : ' ';
        char right = i + 1 < s.Length ? s[i + 1] : ' ';
        var script = IndicScripts.Of(left);
        if (script is not null && left == script.Virama && script.IsConsonant(right))
        {
            // ZWSP between virama and consonant blocks the conjunct just as ZWNJ does (Unicode §12.2): keep that rendering.
            output.Replace(i, 1, CharNames.Zwnj);
        }
        else if (IndicScripts.IsIndic(left) || IndicScripts.IsIndic(right) || char.IsWhiteSpace(left) || char.IsWhiteSpace(right))
        {
            output.Delete(i, 1);
        }

        // Between two non-Indic characters (Thai, Khmer, Myanmar…) ZWSP marks word boundaries: leave it.
    }
}
