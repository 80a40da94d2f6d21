using KannadaKit.Onnx;
using Xunit;

namespace KannadaKit.Testing;

/// <summary>
/// A fact that needs the ONNX Runtime native library; it skips, saying how to get it, when the library cannot be
/// found (tools/test.sh fetches it with tools/setup-onnxruntime.sh, so CI runs these).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnnxRuntimeFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public OnnxRuntimeFactAttribute()
    {
        if (OnnxRuntimeForTests.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
