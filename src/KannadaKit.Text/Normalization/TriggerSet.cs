namespace KannadaKit.Text.Normalization;

/// <summary>Collects the characters a rule reacts to; built once per normalizer.</summary>
public sealed class TriggerSet
{
    private readonly List<(char First, char Last, bool Contextual)> _ranges = [];
    private readonly List<(char First, char Second)> _pairs = [];
    private readonly List<char> _edges = [];

    internal IReadOnlyList<(char First, char Last, bool Contextual)> Ranges => _ranges;

    internal IReadOnlyList<(char First, char Second)> Pairs => _pairs;

    internal IReadOnlyList<char> Edges => _edges;

    /// <summary>
    /// The rule needs to look when <paramref name="first"/> is directly followed by <paramref name="second"/>.
    /// Checked inline by the scan loop, so common first characters (a space, a vowel sign) cost almost nothing.
    /// </summary>
    public TriggerSet AddPair(char first, char second)
    {
        _pairs.Add((first, second));
        return this;
    }

    /// <summary>The rule needs to look when <paramref name="c"/> is the first or last character of a line.</summary>
    public TriggerSet AddAtEdge(char c)
    {
        _edges.Add(c);
        return this;
    }

    /// <summary>The rule always needs to look at <paramref name="c"/>.</summary>
    public TriggerSet Add(char c) => AddRange(c, c);

    /// <summary>The rule always needs to look at the characters of a range.</summary>
    public TriggerSet AddRange(char first, char last)
    {
        _ranges.Add((first, last, false));
        return this;
    }

    /// <summary>The rule may need <paramref name="c"/>; <see cref="NormalizationRule.IsTriggeredAt"/> decides.</summary>
    public TriggerSet AddContextual(char c) => AddContextualRange(c, c);

    /// <summary>Contextual triggers for a range.</summary>
    public TriggerSet AddContextualRange(char first, char last)
    {
        _ranges.Add((first, last, true));
        return this;
    }

    /// <summary>Adds each character of <paramref name="chars"/>.</summary>
    public TriggerSet AddAll(ReadOnlySpan<char> chars, bool contextual = false)
    {
        foreach (char c in chars)
        {
            _ranges.Add((c, c, contextual));
        }

        return this;
    }
}
