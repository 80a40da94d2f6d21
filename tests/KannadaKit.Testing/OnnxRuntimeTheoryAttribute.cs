using Xunit;

namespace KannadaKit.Testing;

/// <summary>A theory that needs the ONNX Runtime native library (see <see cref="OnnxRuntimeFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnnxRuntimeTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute.</summary>
    public OnnxRuntimeTheoryAttribute()
    {
        if (OnnxRuntimeForTests.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
