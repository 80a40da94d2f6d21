using KannadaKit.Text.Normalization;

namespace KannadaKit.Text.Tests.Normalization;

public class NormalizationSpecTests
{
    public static TheoryData<NormalizationSpec> Specs()
    {
        var data = new TheoryData<NormalizationSpec>();
        foreach (var spec in NormalizationSpec.Load())
        {
            data.Add(spec);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Normalize_SpecExample_GivesHandCheckedOutput(NormalizationSpec spec)
    {
        Assert.True(NormalizationRules.TryParseProfile(spec.Profile, out var profile), $"unknown profile {spec.Profile}");
        var options = NormalizerOptions.ForProfile(profile);
        if (spec.Rules != ".")
        {
            options = options.WithRules(spec.Rules);
        }

        var normalizer = IndicNormalizer.Create(options);
        string actual = normalizer.Normalize(spec.Input);
        Assert.Equal(NormalizationSpec.Escape(spec.Expected), NormalizationSpec.Escape(actual));
        if (!options.SinglePass)
        {
            Assert.Equal(actual, normalizer.Normalize(actual));
        }
    }

    [Fact]
    public void SpecFile_CoversEveryBuiltInRule()
    {
        // Each rule must have at least one spec row whose output differs from its input under a profile that enables it.
        var fired = new HashSet<string>();
        foreach (var spec in NormalizationSpec.Load())
        {
            Assert.True(NormalizationRules.TryParseProfile(spec.Profile, out var profile));
            var options = NormalizerOptions.ForProfile(profile);
            if (spec.Rules != ".")
            {
                options = options.WithRules(spec.Rules);
            }

            var report = new ChangeReport();
            IndicNormalizer.Create(options).Normalize(spec.Input.AsSpan(), report);
            fired.UnionWith(report.Rules.Select(r => r.Rule));
        }

        var missing = NormalizationRules.All.Select(r => r.Name).Where(n => !fired.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "rules without a positive spec example: " + string.Join(", ", missing));
    }
}
