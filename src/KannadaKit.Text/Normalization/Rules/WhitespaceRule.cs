namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Folds Unicode spaces to U+0020, collapses runs, trims line edges and a CR before the line feed.</summary>
internal sealed class WhitespaceRule : NormalizationRule
{
    public override string Name => "whitespace";

    public override string Description =>
        "NBSP and other space separators (Zs) become U+0020; runs of spaces collapse to one; spaces at line start/end and a CR "
        + "before LF are removed; tabs are kept";

    public override void DeclareTriggers(TriggerSet triggers) => triggers
        .Add(CharNames.Nbsp).Add('\u1680').AddRange('\u2000', '\u200A').Add('\u202F').Add('\u205F').Add('\u3000')
        .AddPair(' ', ' ').AddPair(' ', '\r').AddAtEdge(' ').AddAtEdge('\r');

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        int end = s.Length;
        if (end > 0 && s[end - 1] == '\r')
        {
            end--;
        }

        int i = 0;
        while (i < end)
        {
            if (!CharNames.IsSpaceLike(s[i]))
            {
                i++;
                continue;
            }

            int j = i + 1;
            while (j < end && CharNames.IsSpaceLike(s[j]))
            {
                j++;
            }

            if (i == 0 || j == end)
            {
                output.Delete(i, j - i);
            }
            else if (j - i > 1 || s[i] != ' ')
            {
                output.Replace(i, j - i, ' ');
            }

            i = j;
        }

        if (end < s.Length)
        {
            output.Delete(end, s.Length - end);
        }
    }
}
