namespace KannadaKit.Text.Normalization;

/// <summary>Immutable configuration of an <see cref="IndicNormalizer"/>: a profile and the rules switched on or off over it.</summary>
public sealed class NormalizerOptions
{
    private readonly NormalizationRule[] _added;

    private NormalizerOptions(NormalizationProfile profile, IReadOnlyList<string> rules, NormalizationRule[] added)
    {
        Profile = profile;
        Rules = rules;
        _added = added;
    }

    /// <summary>The safe default profile.</summary>
    public static NormalizerOptions Default { get; } = ForProfile(NormalizationProfile.Default);

    /// <summary>The profile the rule set started from.</summary>
    public NormalizationProfile Profile { get; }

    /// <summary>Enabled rule names, in application order (built-in rules first, then added ones in the order added).</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>
    /// True for the indicnlp profile: each rule runs once, in order, as indic_nlp does. Other profiles repeat
    /// the rules until nothing changes, which makes normalization idempotent.
    /// </summary>
    public bool SinglePass => Profile == NormalizationProfile.IndicNlp;

    /// <summary>Options for a profile's rules.</summary>
    public static NormalizerOptions ForProfile(NormalizationProfile profile) =>
        new(profile, Ordered(NormalizationRules.RulesOf(profile), []), []);

    /// <summary>
    /// Plugs in a rule of your own (a rule set for another script, a house style): it runs in the same engine, after
    /// the built-in rules, with the same trigger scan, fixed-point passes, offsets and report.
    /// </summary>
    /// <exception cref="RuleSpecException">A rule of that name already exists.</exception>
    public NormalizerOptions WithRule(NormalizationRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (NormalizationRules.Find(rule.Name) is not null || Array.Exists(_added, r => r.Name == rule.Name))
        {
            throw new RuleSpecException($"a rule named '{rule.Name}' already exists");
        }

        NormalizationRule[] added = [.. _added, rule];
        return new NormalizerOptions(Profile, [.. Rules, rule.Name], added);
    }

    /// <summary>The enabled rules as instances, in application order.</summary>
    internal NormalizationRule[] ResolveRules() =>
        [.. Rules.Select(n => NormalizationRules.Find(n) ?? Array.Find(_added, r => r.Name == n)!)];

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
            if (NormalizationRules.Find(name) is null && !Array.Exists(_added, r => r.Name == name))
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

        return new NormalizerOptions(Profile, Ordered(set, _added), _added);
    }

    private static string[] Ordered(IEnumerable<string> names, NormalizationRule[] added)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        return [.. NormalizationRules.All.Concat(added).Select(r => r.Name).Where(set.Contains)];
    }
}
