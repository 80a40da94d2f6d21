using Xunit;

namespace KannadaKit.Testing.Speech;

/// <summary>The theory form of <see cref="NeedsFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NeedsTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute.</summary>
    public NeedsTheoryAttribute(params string[] requirements)
    {
        if (SpeechRequirements.SkipReason(requirements) is { } reason)
        {
            Skip = reason;
        }
    }
}
