namespace KannadaKit.Text.Normalization;

/// <summary>Named sets of rules.</summary>
public enum NormalizationProfile
{
    /// <summary>Safe: invisible or canonically equivalent changes, and look-alike repairs whose context is unambiguous. Never changes what a word means.</summary>
    Default,

    /// <summary>Default plus punctuation, quotes, dashes, ASCII digits and other-script look-alikes.</summary>
    Aggressive,

    /// <summary>Reproduces indic_nlp_library 0.92's default Kannada normalizer byte for byte, for migration.</summary>
    IndicNlp,
}
