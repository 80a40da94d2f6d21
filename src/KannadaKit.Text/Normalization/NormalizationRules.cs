using KannadaKit.Text.Normalization.IndicNlp;
using KannadaKit.Text.Normalization.Rules;

namespace KannadaKit.Text.Normalization;

/// <summary>The catalogue of built-in rules, in the order the engine applies them, and the profiles over them.</summary>
public static class NormalizationRules
{
    private static readonly NormalizationRule[] s_all =
    [
        new ControlCharsRule(),
        new InvisibleCharsRule(),
        new WhitespaceRule(),
        new JoinerRule(),
        new CanonicalCompositionRule(),
        new NuktaOrderRule(),
        new KannadaVowelLookalikeRule(),
        new ScriptLookalikeRule(),
        new ZeroAsAnusvaraRule(),
        new ColonAsVisargaRule(),
        new PipeAsDandaRule(),
        new QuotesRule(),
        new DashesRule(),
        new EllipsisRule(),
        new DigitsToAsciiRule(),
        new DigitsToKannadaRule(),
        new IndicNlpBaseRule(),
        new IndicNlpPunctuationRule(),
        new IndicNlpVowelRule(),
        new IndicNlpVisargaRule(),
    ];

    private static readonly string[] s_default =
        ["controls", "invisibles", "whitespace", "joiners", "nfc", "nukta-order", "kn-vowel-lookalikes", "kn-zero-anusvara", "kn-colon-visarga"];

    private static readonly string[] s_aggressive =
        [.. s_default, "script-lookalikes", "danda", "quotes", "dashes", "ellipsis", "digits-ascii"];

    private static readonly string[] s_indicNlp =
        ["indicnlp-base", "indicnlp-punctuation", "indicnlp-vowels", "indicnlp-visarga"];

    /// <summary>Every built-in rule in application order.</summary>
    public static IReadOnlyList<NormalizationRule> All => s_all;

    /// <summary>The rule called <paramref name="name"/>, or null.</summary>
    public static NormalizationRule? Find(string name) => Array.Find(s_all, r => r.Name == name);

    /// <summary>Names of the rules a profile enables.</summary>
    public static IReadOnlyList<string> RulesOf(NormalizationProfile profile) => profile switch
    {
        NormalizationProfile.Default => s_default,
        NormalizationProfile.Aggressive => s_aggressive,
        NormalizationProfile.IndicNlp => s_indicNlp,
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };

    /// <summary>Parses a profile name: <c>default</c>, <c>aggressive</c> or <c>indicnlp</c>.</summary>
    public static bool TryParseProfile(string name, out NormalizationProfile profile)
    {
        profile = name switch
        {
            "default" => NormalizationProfile.Default,
            "aggressive" => NormalizationProfile.Aggressive,
            "indicnlp" => NormalizationProfile.IndicNlp,
            _ => (NormalizationProfile)(-1),
        };
        return (int)profile >= 0;
    }

    /// <summary>The lower-case name of a profile.</summary>
    public static string NameOf(NormalizationProfile profile) => profile switch
    {
        NormalizationProfile.Default => "default",
        NormalizationProfile.Aggressive => "aggressive",
        NormalizationProfile.IndicNlp => "indicnlp",
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };
}
