using Xunit;

namespace KannadaKit.Testing;

/// <summary>A theory that skips, with the missing paths as its reason, when ../shared lacks the named files.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute for files relative to ../shared.</summary>
    public SharedDataTheoryAttribute(params string[] files)
    {
        if (SharedData.SkipReasonFor(files) is { } reason)
        {
            Skip = reason;
        }
    }
}
