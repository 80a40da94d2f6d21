namespace KannadaKit.Text.Normalization;

/// <summary>Immutable configuration of an <see cref="IndicNormalizer"/>: a profile and the rules switched on or off over it.</summary>
public sealed class NormalizerOptions
{
    private NormalizerOptions(NormalizationProfile profile, IReadOnlyList<string> rules)
    {
        Profile = profile;
        Rules = rules;
    }

    /// <summary>The safe default profile.</summary>
    public static NormalizerOptions Default { get; } = ForProfile(NormalizationProfile.Default);

    /// <summary>The profile the rule set started from.</summary>
    public NormalizationProfile Profile { get; }

    /// <summary>Enabled rule names, in application order.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>
    /// True for the indicnlp profile: each rule runs once, in order, as indic_nlp does. Other profiles repeat
    /// the rules until nothing changes, which makes normalization idempotent.
    /// </summary>
    public bool SinglePass => Profile == NormalizationProfile.IndicNlp;

    /// <summary>Options for a profile's rules.</summary>
    public static NormalizerOptions ForProfile(NormalizationProfile profile) =>
        new(profile, Ordered(NormalizationRules.RulesOf(profile)));

    /// <summary>
    /// Switches rules on or off: a comma-separated list such as <c>+quotes,-whitespace</c> (a bare name means +).
    /// </summary>
    /// <exception cref="RuleSpecException">An unknown rule, or digits-ascii together with digits-native.</exception>
    public NormalizerOptions WithRules(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var set = new HashSet<string>(Rules, StringComparer.Ordinal);
        foreach (var raw in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            bool off = raw[0] == '-';
            string name = raw[0] is '+' or '-' ? raw[1..] : raw;
            if (NormalizationRules.Find(name) is null)
            {
                throw new RuleSpecException(
                    $"unknown rule '{name}'; known rules: {string.Join(", ", NormalizationRules.All.Select(r => r.Name))}");
            }

            if (off)
            {
                set.Remove(name);
            }
            else
            {
                set.Add(name);
            }
        }

        if (set.Contains("digits-ascii") && set.Contains("digits-native"))
        {
            throw new RuleSpecException("rules digits-ascii and digits-native undo each other; switch one off (-digits-ascii)");
        }

        return new NormalizerOptions(Profile, Ordered(set));
    }

    private static string[] Ordered(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        return [.. NormalizationRules.All.Select(r => r.Name).Where(set.Contains)];
    }
}
