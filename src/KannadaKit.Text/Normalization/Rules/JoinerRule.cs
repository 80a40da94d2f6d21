using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Normalization.Rules;

/// <summary>
/// Keeps ZWJ/ZWNJ where they change how Indic text renders and drops them where they do nothing.
/// Joiners with no Indic neighbour (emoji sequences, Persian, Latin) are left alone.
/// </summary>
internal sealed class JoinerRule : NormalizationRule
{
    public override string Name => "joiners";

    public override string Description =>
        "keep ZWNJ/ZWJ after a virama before a consonant (explicit halant, half forms), ZWJ in RA+ZWJ+VIRAMA (non-repha ರ‍್), "
        + "and word-final ZWJ after a virama in Malayalam (old chillu) and Bengali TA (khanda ta); collapse doubled joiners; "
        + "delete joiners at word edges or between letters that cannot join (Unicode §12.2, §23.2)";

    public override void DeclareTriggers(TriggerSet triggers) => triggers.Add(CharNames.Zwnj).Add(CharNames.Zwj);

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        int i = 0;
        while (i < s.Length)
        {
            if (!CharNames.IsJoiner(s[i]))
            {
                i++;
                continue;
            }

            int end = i + 1;
            while (end < s.Length && CharNames.IsJoiner(s[end]))
            {
                end++;
            }

            Decide(ref output, s, i, end);
            i = end;
        }
    }

    private static void Decide(ref TextRewriter output, ReadOnlySpan<char> s, int start, int end)
    {
        char left = start > 0 ? s[start - 1] : '\0';
        char right = end < s.Length ? s[end] : '\0';
        if (!IndicScripts.IsIndic(left) && !IndicScripts.IsIndic(right))
        {
            return;
        }

        var run = s[start..end];
        char? keep = Keep(s, start, left, right, run);
        if (keep is null)
        {
            output.Delete(start, end - start);
        }
        else if (run.Length > 1 || run[0] != keep.Value)
        {
            output.Replace(start, end - start, keep.Value);
        }
    }

    private static char? Keep(ReadOnlySpan<char> s, int start, char left, char right, ReadOnlySpan<char> run)
    {
        var script = IndicScripts.Of(left);
        if (script is null)
        {
            return null;
        }

        bool hasZwj = run.Contains(CharNames.Zwj);
        if (left == script.Virama && script.IsConsonant(right))
        {
            // C+VIRAMA+ZWNJ+C: explicit halant, no conjunct; C+VIRAMA+ZWJ+C: half form or explicit halant in legacy-converted text.
            return run[0];
        }

        if (left == script.Ra && right == script.Virama && hasZwj)
        {
            // RA+ZWJ+VIRAMA asks for the non-repha RA (Kannada ಅರ‍್ಕ, Devanagari eyelash RA).
            return CharNames.Zwj;
        }

        if (left == script.Virama && hasZwj && script.KeepsZwjAfterViramaAtWordEnd && !IndicScripts.IsIndicLetterOrMark(right) && start >= 2)
        {
            char consonant = s[start - 2];
            bool chillu = script == IndicScripts.Malayalam && script.IsConsonant(consonant);
            bool khandaTa = script == IndicScripts.Bengali && consonant == '\u09A4';
            return chillu || khandaTa ? CharNames.Zwj : null;
        }

        return null;
    }
}
