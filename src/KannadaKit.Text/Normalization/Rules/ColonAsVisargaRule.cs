namespace KannadaKit.Text.Normalization.Rules;

/// <summary>
/// A colon typed for the visarga, only where the word is known to carry one: ದು:ಖ → ದುಃಖ, ಪುನ: → ಪುನಃ.
/// Labels (ಉದಾ:, ಬಾಗಲಕೋಟೆ:), times (೧೦:೩೦), ratios and URLs keep their colon.
/// </summary>
internal sealed class ColonAsVisargaRule : NormalizationRule
{
    // Words that end in visarga on their own (ಪುನಃ, ಸ್ವತಃ, ಕ್ರಮಶಃ, ಮೂಲತಃ …), written here without it.
    private static readonly HashSet<string> s_final =
    [
        "ಪುನ", "ಸ್ವತ", "ಅಂತ", "ನಮ", "ಪ್ರಾತ", "ಅತ", "ಶನೈ", "ಉಚ್ಚೈ",
        "ಕ್ರಮಶ", "ಪ್ರಾಯಶ", "ಅಕ್ಷರಶ", "ಬಹುಶ", "ಸರ್ವಶ",
        "ಮೂಲತ", "ವಸ್ತುತ", "ಸಾಮಾನ್ಯತ", "ಸಾಧಾರಣತ", "ವಿಶೇಷತ", "ಮುಖ್ಯತ", "ಸ್ವಭಾವತ", "ಪ್ರಧಾನತ", "ಅಂಶತ", "ಸರ್ವತ", "ಪ್ರಥಮತ",
    ];

    // Stems that carry a visarga before a consonant inside a compound (ದುಃಖ, ನಿಃಶಬ್ದ, ಮನಃಪೂರ್ವಕ, ಅಧಃಪತನ …).
    private static readonly HashSet<string> s_prefix =
    [
        .. s_final,
        "ದು", "ನಿ", "ಮನ", "ಶಿರ", "ತಪ", "ಯಶ", "ತೇಜ", "ವಯ", "ರಜ", "ತಮ", "ಅಧ", "ಛಂದ", "ಉರ", "ಪಯ", "ಬಹಿ", "ಚತು", "ಸದ್ಯ",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_finalLookup = s_final.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_prefixLookup = s_prefix.GetAlternateLookup<ReadOnlySpan<char>>();

    public override string Name => "kn-colon-visarga";

    public override string Description =>
        "a colon right after a Kannada word that carries a visarga (ಪುನ:, ಸ್ವತ:, ಕ್ರಮಶ:; inside compounds ದು:ಖ, ನಿ:ಶಬ್ದ, ಅಂತ:ಕರಣ) becomes ಃ; "
        + "labels (ಉದಾ:), times (೧೦:೩೦), ratios and URLs keep the colon";

    public override void DeclareTriggers(TriggerSet triggers) => triggers.AddContextual(':');

    public override bool IsTriggeredAt(ReadOnlySpan<char> text, int index) =>
        index > 0 && KannadaLetters.CanCarryBindu(text[index - 1]) && IsVisarga(text, index);

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] == ':' && IsTriggeredAt(s, i))
            {
                output.Replace(i, 1, '\u0C83');
            }
        }
    }

    private static bool IsVisarga(ReadOnlySpan<char> s, int colon)
    {
        int start = colon;
        while (start > 0 && KannadaLetters.IsWordChar(s[start - 1]))
        {
            start--;
        }

        var stem = s[start..colon];
        char next = colon + 1 < s.Length ? s[colon + 1] : ' ';
        if (Scripts.IndicScripts.Kannada.IsConsonant(next))
        {
            return s_prefixLookup.Contains(stem);
        }

        // Word-final: the colon must end the word (space, punctuation, line end), not run into digits or Latin text.
        return !char.IsLetterOrDigit(next) && !KannadaLetters.IsWordChar(next) && s_finalLookup.Contains(stem);
    }
}
