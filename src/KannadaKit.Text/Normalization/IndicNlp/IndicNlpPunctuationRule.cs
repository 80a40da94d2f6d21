namespace KannadaKit.Text.Normalization.IndicNlp;

/// <summary>indic_nlp_library 0.92 punctuation folding, in its order.</summary>
internal sealed class IndicNlpPunctuationRule() : SequentialReplaceRule(Steps)
{
    private static readonly (string, string)[] Steps =
    [
        ("\uFEFF", ""),
        ("\u201E", "\""), ("\u201C", "\""), ("\u201D", "\""),
        ("\u2013", "-"), ("\u2014", " - "),
        ("\u00B4", "'"), ("\u2018", "'"), ("\u201A", "'"), ("\u2019", "'"),
        ("''", "\""), ("\u00B4\u00B4", "\""),
        ("\u2026", "..."),
    ];

    public override string Name => "indicnlp-punctuation";

    public override string Description => "indic_nlp punctuation folding, in its order: " + Describe(Steps);
}
