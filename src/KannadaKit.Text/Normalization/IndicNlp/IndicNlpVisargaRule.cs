namespace KannadaKit.Text.Normalization.IndicNlp;

/// <summary>indic_nlp_library 0.92 visarga correction: every colon after any Kannada-block char becomes ಃ.</summary>
/// <remarks>Reproduced for compatibility only: on Wikipedia text 394 of 395 such rewrites are wrong (labels, times).</remarks>
internal sealed class IndicNlpVisargaRule : NormalizationRule
{
    public override string Name => "indicnlp-visarga";

    public override string Description =>
        "indic_nlp's ([\\u0c80-\\u0cff]): → \\1ಃ — after any Kannada-block char, digits and virama included";

    public override void DeclareTriggers(TriggerSet triggers) => triggers.AddContextual(':');

    public override bool IsTriggeredAt(ReadOnlySpan<char> text, int index) =>
        index > 0 && (uint)(text[index - 1] - 0x0C80) < 0x80u;

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        // Non-overlapping left-to-right matching needs no care here: a match consumes the colon, and a colon is not Kannada.
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] == ':' && IsTriggeredAt(s, i))
            {
                output.Replace(i, 1, '\u0C83');
            }
        }
    }
}
