namespace KannadaKit.Text.Normalization.IndicNlp;

/// <summary>indic_nlp_library 0.92 <c>BaseNormalizer.normalize</c>: invisibles, spaces and every joiner.</summary>
internal sealed class IndicNlpBaseRule() : SequentialReplaceRule(Steps)
{
    private static readonly (string, string)[] Steps =
    [
        ("\uFEFF", ""), ("\uFFFE", ""), ("\u2060", ""), ("\u00AD", ""),
        ("\u200B", " "), ("\u00A0", " "),
        ("\u200C", ""), ("\u200D", ""),
    ];

    public override string Name => "indicnlp-base";

    public override string Description => "indic_nlp BaseNormalizer, in its order: " + Describe(Steps);
}
