namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Digit zero typed for anusvara inside a Kannada word (ಮ೦ತ್ರಿ → ಮಂತ್ರಿ); numbers are left alone.</summary>
internal sealed class ZeroAsAnusvaraRule : NormalizationRule
{
    public override string Name => "kn-zero-anusvara";

    public override string Description =>
        "KANNADA DIGIT ZERO ೦ right after a Kannada letter or vowel sign and not followed by a digit is an anusvara ಂ typed "
        + "with the look-alike key (ಮ೦ತ್ರಿ → ಮಂತ್ರಿ); ASCII 0 only strictly inside a Kannada word; ೧೦, ೨೦೦೪ and ಕ್ರಿ.ಶ.೧೦ stay";

    public override void DeclareTriggers(TriggerSet triggers) => triggers.AddContextual('\u0CE6').AddContextual('0');

    public override bool IsTriggeredAt(ReadOnlySpan<char> text, int index)
    {
        if (index == 0 || !KannadaLetters.CanCarryBindu(text[index - 1]))
        {
            return false;
        }

        char next = index + 1 < text.Length ? text[index + 1] : ' ';
        if (char.IsDigit(next))
        {
            return false;
        }

        // An ASCII zero is only taken for an anusvara when the word clearly goes on in Kannada.
        return text[index] == '\u0CE6' || KannadaLetters.IsWordChar(next);
    }

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] is '\u0CE6' or '0' && IsTriggeredAt(s, i))
            {
                output.Replace(i, 1, '\u0C82');
            }
        }
    }
}
