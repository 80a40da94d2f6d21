namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Kannada vowel sequences that render like a single vowel but are not canonically equivalent to it.</summary>
internal sealed class KannadaVowelLookalikeRule : NormalizationRule
{
    // (first, second) → replacement. None of these are NFC-equal, yet they draw the same glyphs.
    private static readonly (char First, char Second, char Replacement)[] s_pairs =
    [
        ('\u0C89', '\u0CBE', '\u0C8A'), // ಉ + ಾ → ಊ
        ('\u0C8B', '\u0CBE', '\u0CE0'), // ಋ + ಾ → ೠ
        ('\u0C92', '\u0CCC', '\u0C94'), // ಒ + ೌ → ಔ
        ('\u0CC7', '\u0CC2', '\u0CCB'), // ೇ + ೂ → ೋ (length mark before the UU part)
        ('\u0CD5', '\u0CBF', '\u0CC0'), // length mark typed before ಿ → ೀ
        ('\u0CD5', '\u0CC6', '\u0CC7'), // length mark typed before ೆ → ೇ
        ('\u0CD6', '\u0CC6', '\u0CC8'), // AI length mark typed before ೆ → ೈ
        ('\u0CD5', '\u0CCA', '\u0CCB'), // length mark typed before ೊ → ೋ
    ];

    public override string Name => "kn-vowel-lookalikes";

    public override string Description =>
        "Kannada look-alike vowels NFC leaves alone: ಉ+ಾ→ಊ, ಋ+ಾ→ೠ, ಒ+ೌ→ಔ, ೇ+ೂ→ೋ, a length mark typed before its sign (ೕ+ಿ→ೀ, ೕ+ೆ→ೇ, ೖ+ೆ→ೈ, ೕ+ೊ→ೋ), "
        + "and the legacy-font split of ಮ into ವ+sign+ು (ವ+ಿ+ು→ಮಿ, ವ+ೆ+ು→ಮೆ)";

    public override void DeclareTriggers(TriggerSet triggers)
    {
        foreach (var (first, second, _) in s_pairs)
        {
            triggers.AddPair(first, second);
        }

        // ವ+ಿ+ು and ವ+ೆ+ು: the sign pair is never valid on its own, so it is a fine trigger; Apply checks the ವ.
        triggers.AddPair('\u0CBF', '\u0CC1').AddPair('\u0CC6', '\u0CC1');
    }

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        int done = 0;
        for (int i = 1; i < s.Length; i++)
        {
            if (Match(s, i, out int start, out var replacement) && start >= done)
            {
                output.Replace(start, i - start + 1, replacement);
                done = i + 1;
            }
        }
    }

    /// <summary>Whether a look-alike ends at <paramref name="i"/>; gives its start and replacement.</summary>
    private static bool Match(ReadOnlySpan<char> s, int i, out int start, out string replacement)
    {
        char second = s[i];
        char first = s[i - 1];
        foreach (var (f, sc, r) in s_pairs)
        {
            if (f == first && sc == second)
            {
                start = i - 1;
                replacement = r.ToString();
                return true;
            }
        }

        // ವ + (ಿ|ೆ) + ು: two vowel signs on one consonant never spell a word; old fonts drew ಮ as ವ plus a ು-like tail.
        if (second == '\u0CC1' && i >= 2 && first is '\u0CBF' or '\u0CC6' && s[i - 2] == '\u0CB5')
        {
            start = i - 2;
            replacement = first == '\u0CBF' ? "\u0CAE\u0CBF" : "\u0CAE\u0CC6";
            return true;
        }

        start = -1;
        replacement = "";
        return false;
    }
}
