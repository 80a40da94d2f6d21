namespace KannadaKit.Text.Normalization.IndicNlp;

/// <summary>indic_nlp_library 0.92 Kannada script fixes: the unassigned danda slots and five two-part vowels, without NFC reordering.</summary>
internal sealed class IndicNlpVowelRule() : SequentialReplaceRule(Steps)
{
    private static readonly (string, string)[] Steps =
    [
        ("\u0CE4", "\u0964"), ("\u0CE5", "\u0965"),
        ("\u0CBF\u0CD5", "\u0CC0"), ("\u0CC6\u0CD5", "\u0CC7"), ("\u0CC6\u0CD6", "\u0CC8"), ("\u0CC6\u0CC2", "\u0CCA"), ("\u0CCA\u0CD5", "\u0CCB"),
    ];

    public override string Name => "indicnlp-vowels";

    public override string Description => "indic_nlp Kannada vowel composition, in its order: " + Describe(Steps);
}
