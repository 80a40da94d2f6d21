namespace KannadaKit.Text.Normalization.Rules;

/// <summary>Base for context-free rules that replace single chars with fixed strings.</summary>
internal abstract class CharMapRule : NormalizationRule
{
    private readonly Dictionary<char, string> _map;

    protected CharMapRule(IEnumerable<KeyValuePair<char, string>> map) => _map = new Dictionary<char, string>(map);

    public override void DeclareTriggers(TriggerSet triggers)
    {
        foreach (char c in _map.Keys)
        {
            triggers.Add(c);
        }
    }

    public override void Apply(ref TextRewriter output)
    {
        var s = output.Source;
        for (int i = 0; i < s.Length; i++)
        {
            if (_map.TryGetValue(s[i], out var replacement))
            {
                output.Replace(i, 1, replacement);
            }
        }
    }
}
