namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Deletes C0 and C1 control characters other than tab and line breaks.</summary>
internal sealed class ControlCharsRule : NormalizationRule
{
    public override string Name => "controls";

    public override string Description =>
        "delete C0/C1 control characters (U+0000–U+001F except tab, LF, CR; U+007F–U+009F): they have no visible form in text";

    public override void DeclareTriggers(TriggerSet triggers) => triggers
        .AddRange('\u0000', '\u0008').AddRange('\u000B', '\u000C').AddRange('\u000E', '\u001F').AddRange('\u007F', '\u009F');

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        for (int i = 0; i < s.Length; i++)
        {
            if (IsDeletable(s[i]))
            {
                int j = i + 1;
                while (j < s.Length && IsDeletable(s[j]))
                {
                    j++;
                }

                output.Delete(i, j - i);
                i = j - 1;
            }
        }
    }

    private static bool IsDeletable(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || (c >= '\u007F' && c <= '\u009F');
}
