using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Normalization.Rules;

/// <summary>ASCII <c>|</c> and <c>||</c> typed for danda and double danda after Indic text.</summary>
internal sealed class PipeAsDandaRule : NormalizationRule
{
    public override string Name => "danda";

    public override string Description =>
        "| and || right after Indic text (one space allowed) and before a space, digit, punctuation or line end become "
        + "। U+0964 and ॥ U+0965; pipes inside markup (ಲೇಖನ|ಹೆಸರು) or after Latin text stay";

    public override void DeclareTriggers(TriggerSet triggers) => triggers.AddContextual('|');

    public override bool IsTriggeredAt(ReadOnlySpan<char> text, int index) => Run(text, index) > 0;

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '|')
            {
                continue;
            }

            int run = Run(s, i);
            if (run > 0)
            {
                output.Replace(i, run, run == 1 ? CharNames.Danda : CharNames.DoubleDanda);
            }

            while (i + 1 < s.Length && s[i + 1] == '|')
            {
                i++;
            }
        }
    }

    /// <summary>Length (1 or 2) of the pipe run starting at <paramref name="i"/> when it is a danda, else 0.</summary>
    private static int Run(ReadOnlySpan<char> s, int i)
    {
        if (i > 0 && s[i - 1] == '|')
        {
            return 0; // only the first pipe of a run decides
        }

        int end = i;
        while (end < s.Length && s[end] == '|')
        {
            end++;
        }

        int length = end - i;
        if (length > 2)
        {
            return 0;
        }

        int before = i - 1;
        if (before >= 0 && s[before] == ' ')
        {
            before--;
        }

        if (before < 0 || !(IndicScripts.IsIndicLetterOrMark(s[before]) || IsIndicDigit(s[before])))
        {
            return 0;
        }

        char next = end < s.Length ? s[end] : ' ';
        bool endsClause = char.IsWhiteSpace(next) || char.IsDigit(next) || char.IsPunctuation(next) || next == '\u200C';
        return endsClause ? length : 0;
    }

    private static bool IsIndicDigit(char c) => IndicScripts.Of(c) is { } s && s.IsDigit(c);
}
