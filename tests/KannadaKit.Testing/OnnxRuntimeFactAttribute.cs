using KannadaKit.Onnx;
using Xunit;

namespace KannadaKit.Testing;

/// <summary>
/// A fact that needs ONNX Runtime's native library (it ships in the NuGet package, so this skips only on a platform
/// the package has no natives for, saying why).
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

    /// <summary>The test checks what the CPU build does without CUDA: skip it, saying so, in a <c>-p:OnnxRuntime=Gpu</c> build.</summary>
    public bool CpuBuildOnly
    {
        get => false;
        init
        {
            if (value && OnnxRuntime.IsGpuBuild && Skip is null)
            {
                Skip = "checks the CPU build's behaviour without CUDA; this build references Microsoft.ML.OnnxRuntime.Gpu.Linux";
            }
        }
    }
}
