namespace KannadaKit.Text.Normalization.Rules;

/// <summary>ASCII digits to Kannada digits, except inside Latin words and codes (x86, mp3, H2O).</summary>
internal sealed class DigitsToKannadaRule : NormalizationRule
{
    public override string Name => "digits-native";

    public override string Description => "ASCII digits → Kannada digits ೦–೯, except digit runs touching Latin letters";

    public override void DeclareTriggers(TriggerSet triggers) => triggers.AddRange('0', '9');

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        int i = 0;
        while (i < s.Length)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                i++;
                continue;
            }

            int end = i;
            while (end < s.Length && (char.IsAsciiDigit(s[end]) || (s[end] is '.' or ',' or ':' && end + 1 < s.Length && char.IsAsciiDigit(s[end + 1]))))
            {
                end++;
            }

            bool latinBefore = i > 0 && char.IsAsciiLetter(s[i - 1]);
            bool latinAfter = end < s.Length && char.IsAsciiLetter(s[end]);
            if (!latinBefore && !latinAfter)
            {
                for (int k = i; k < end; k++)
                {
                    if (char.IsAsciiDigit(s[k]))
                    {
                        output.Replace(k, 1, (char)('\u0CE6' + (s[k] - '0')));
                    }
                }
            }

            i = end;
        }
    }
}
