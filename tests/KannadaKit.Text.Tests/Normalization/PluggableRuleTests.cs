using KannadaKit.Text.Normalization;

namespace KannadaKit.Text.Tests.Normalization;

public class PluggableRuleTests
{
    /// <summary>
    /// A script rule set from outside the library: Tamil writers sometimes type ௐ (U+0BD0 OM) as ஓம்; this house rule
    /// folds the sign back to letters. It is deliberately simple; what matters is that it plugs into the engine.
    /// </summary>
    private sealed class TamilOmRule : NormalizationRule
    {
        public override string Name => "ta-om-letters";

        public override string Description => "Tamil OM sign ௐ → ஓம்";

        public override void DeclareTriggers(TriggerSet triggers) => triggers.Add('\u0BD0');

        public override void Apply(ref TextRewriter output)
        {
            var s = output.Source;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '\u0BD0')
                {
                    output.Replace(i, 1, "ஓம்");
                }
            }
        }
    }

    [Fact]
    public void WithRule_CustomScriptRule_RunsInTheEngineWithReportAndOffsets()
    {
        var options = NormalizerOptions.Default.WithRule(new TamilOmRule());
        Assert.Equal("ta-om-letters", options.Rules[^1]);
        var normalizer = IndicNormalizer.Create(options);
        var report = new ChangeReport();
        var result = normalizer.NormalizeWithOffsets("  ௐ  ಮ೦ತ್ರಿ", report);
        Assert.Equal("ஓம் ಮಂತ್ರಿ", result.Text);
        Assert.Equal(2, result.Offsets.ToSource(0));
        Assert.Equal(1, report["ta-om-letters"]!.Changes);
        Assert.Equal(1, report["kn-zero-anusvara"]!.Changes);
        Assert.Equal(result.Text, normalizer.Normalize(result.Text));
    }

    [Fact]
    public void WithRules_CanSwitchAnAddedRuleOff()
    {
        var options = NormalizerOptions.Default.WithRule(new TamilOmRule()).WithRules("-ta-om-letters");
        Assert.Equal("ௐ", IndicNormalizer.Create(options).Normalize("ௐ"));
    }

    [Fact]
    public void WithRule_NameClash_Throws()
    {
        Assert.Throws<RuleSpecException>(() => NormalizerOptions.Default.WithRule(new TamilOmRule()).WithRule(new TamilOmRule()));
    }
}
