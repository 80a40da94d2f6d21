namespace KannadaKit.Text.Normalization;

/// <summary>What one rule changed: edit and line counts and a few examples.</summary>
/// <remarks>Not thread-safe; owned by one <see cref="ChangeReport"/>.</remarks>
public sealed class RuleChangeStats
{
    private readonly List<ChangeExample> _examples = [];

    internal RuleChangeStats(string rule, string description)
    {
        Rule = rule;
        Description = description;
    }

    /// <summary>Rule name.</summary>
    public string Rule { get; }

    /// <summary>Rule description.</summary>
    public string Description { get; }

    /// <summary>Number of edits.</summary>
    public long Changes { get; internal set; }

    /// <summary>Number of lines the rule changed.</summary>
    public long Lines { get; internal set; }

    /// <summary>The first examples in input order.</summary>
    public IReadOnlyList<ChangeExample> Examples => _examples;

    internal void AddExample(ChangeExample example, int max)
    {
        if (_examples.Count < max)
        {
            _examples.Add(example);
        }
    }
}
