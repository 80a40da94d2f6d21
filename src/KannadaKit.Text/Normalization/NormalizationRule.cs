namespace KannadaKit.Text.Normalization;

/// <summary>
/// One named, switchable normalization rule. A rule declares the characters that can make it act
/// (its triggers) so the engine can skip it, and the whole line, when none occur.
/// </summary>
/// <remarks>
/// Rules are immutable and stateless; one instance serves every thread. <see cref="Apply"/> must be a pure
/// function of its input, which is what lets the engine reach a fixed point and stay idempotent.
/// </remarks>
public abstract class NormalizationRule
{
    /// <summary>Stable name used in <c>--rules</c> and in reports, e.g. <c>joiners</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One sentence on what the rule does and the fact it rests on.</summary>
    public abstract string Description { get; }

    /// <summary>Declares this rule's trigger characters.</summary>
    public abstract void DeclareTriggers(TriggerSet triggers);

    /// <summary>
    /// Second check for characters declared contextual: true when the character at <paramref name="index"/>
    /// may need this rule given its neighbours. Called from the engine's scan loop, so keep it cheap.
    /// </summary>
    public virtual bool IsTriggeredAt(ReadOnlySpan<char> text, int index) => true;

    /// <summary>Rewrites <see cref="TextRewriter.Source"/> (one line, without its line feed) through <paramref name="output"/>.</summary>
    public abstract void Apply(ref TextRewriter output);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
