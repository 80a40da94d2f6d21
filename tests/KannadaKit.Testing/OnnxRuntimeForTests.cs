using KannadaKit.Onnx;

namespace KannadaKit.Testing;

/// <summary>One ONNX Runtime per test process.</summary>
public static class OnnxRuntimeForTests
{
    private static readonly Lazy<(OnnxRuntime? Runtime, string? Problem)> s_loaded = new(() =>
    {
        try
        {
            return (OnnxRuntime.Load(), null);
        }
        catch (OnnxRuntimeException e)
        {
            return (null, e.Message);
        }
    });

    /// <summary>Why ONNX Runtime tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => s_loaded.Value.Problem is { } problem
        ? $"ONNX Runtime is not available on this platform: {problem}"
        : null;

    /// <summary>The shared runtime.</summary>
    public static OnnxRuntime Runtime => s_loaded.Value.Runtime ?? throw new InvalidOperationException(SkipReason);
}
