namespace KannadaKit.Subtitles;

/// <summary>A cue (1-based) that breaks a rule: the rule's name and what was measured.</summary>
public sealed record RuleViolation(int Cue, string Rule, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"cue {Cue}: {Rule}: {Detail}";
}
