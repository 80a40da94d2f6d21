using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Moves a nukta typed after a vowel sign back onto its consonant (ಜಾ಼ → ಜ಼ಾ).</summary>
internal sealed class NuktaOrderRule : NormalizationRule
{
    public override string Name => "nukta-order";

    public override string Description =>
        "a nukta typed after vowel signs or anusvara is moved onto the consonant (C+ಾ+಼ → C+಼+ಾ); NFC only reorders nukta and virama, "
        + "because vowel signs have combining class 0";

    public override void DeclareTriggers(TriggerSet triggers)
    {
        foreach (var script in IndicScripts.All)
        {
            if (script.Nukta != '\0')
            {
                triggers.AddContextual(script.Nukta);
            }
        }
    }

    public override bool IsTriggeredAt(ReadOnlySpan<char> text, int index) =>
        index > 0 && IndicScripts.Of(text[index])!.IsDependentSign(text[index - 1]);

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        Span<char> moved = stackalloc char[16];
        for (int i = 1; i < s.Length; i++)
        {
            var script = IndicScripts.Of(s[i]);
            if (script is null || s[i] != script.Nukta || !script.IsDependentSign(s[i - 1]))
            {
                continue;
            }

            int j = i - 1;
            while (j > 0 && script.IsDependentSign(s[j - 1]) && i - j < moved.Length - 1)
            {
                j--;
            }

            if (j == 0 || !script.IsConsonant(s[j - 1]))
            {
                continue; // no consonant to carry the nukta: leave the text as it is
            }

            moved[0] = script.Nukta;
            s[j..i].CopyTo(moved[1..]);
            output.Replace(j, i - j + 1, moved[..(i - j + 1)]);
        }
    }
}
