using KannadaKit.Onnx;
using KannadaKit.Testing;
using KannadaKit.Testing.Onnx;

namespace KannadaKit.Onnx.Tests;

/// <summary>Execution providers and the build switch, on the CPU package.</summary>
public sealed class ProviderTests
{
    private static OnnxRuntime Runtime => OnnxRuntimeForTests.Runtime;

    private static byte[] IdentityModel()
    {
        var g = new OnnxGraph();
        g.Input("x", TensorElementType.Float, "n");
        g.OpNamed("y", "Identity", ["x"]);
        g.Output("y", TensorElementType.Float, "n");
        return OnnxModel.ToBytes(g);
    }

    [OnnxRuntimeFact(CpuBuildOnly = true)]
    public void CudaOnTheCpuBuild_NamesTheBuildSwitch()
    {
        var options = new SessionOptions { Provider = ExecutionProvider.Cuda, DeviceId = 0, GpuMemoryLimit = 2L << 30 };
        var e = Assert.Throws<OnnxRuntimeException>(() => Runtime.OpenSession(IdentityModel(), options));
        Assert.Equal(OrtErrorCode.EpFail, e.ErrorCode);
        Assert.StartsWith("CUDA execution provider unavailable: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("-p:OnnxRuntime=Gpu", e.Message, StringComparison.Ordinal);
        Assert.Contains("Microsoft.ML.OnnxRuntime.Gpu.Linux 1.31.0", e.Message, StringComparison.Ordinal);
        Assert.Contains("CUDA 13 and cuDNN 9", e.Message, StringComparison.Ordinal);
    }

    [OnnxRuntimeFact(CpuBuildOnly = true)]
    public void Auto_FallsBackToCpuAndSaysWhy()
    {
        using var session = Runtime.OpenSession(IdentityModel(), new SessionOptions { Provider = ExecutionProvider.Auto, CudaOptions = new Dictionary<string, string> { ["cudnn_conv_algo_search"] = "HEURISTIC" } });
        Assert.Equal("CPU", session.Provider.Name);
        Assert.Equal(ExecutionProvider.Auto, session.Provider.Requested);
        Assert.StartsWith("CUDA unavailable, using CPU: CUDA execution provider unavailable", session.Provider.FallbackReason, StringComparison.Ordinal);
        Assert.StartsWith("CPU (auto: CUDA unavailable", session.Provider.ToString(), StringComparison.Ordinal);
        using var x = OrtValue.FromArray(Runtime, new[] { 4f, 2f }, 2);
        using var outputs = session.Run([new("x", x)]);
        Assert.Equal(new[] { 4f, 2f }, outputs["y"].ToArray<float>());
    }

    [OnnxRuntimeFact(CpuBuildOnly = true)]
    public void TheCpuPackage_OffersTheCpuProviderOnly()
    {
        Assert.Equal("Microsoft.ML.OnnxRuntime", OnnxRuntime.Package);
        Assert.False(OnnxRuntime.IsGpuBuild);
        Assert.Equal(["CPUExecutionProvider"], Runtime.AvailableProviders());
    }

    [Fact]
    public void CudaSettings_CarryDeviceMemoryLimitAndExtraOptions()
    {
        var options = new SessionOptions
        {
            DeviceId = 1,
            GpuMemoryLimit = 4_000_000_000,
            CudaOptions = new Dictionary<string, string> { ["arena_extend_strategy"] = "kSameAsRequested", ["device_id"] = "7" },
        };
        Assert.Equal(
            ["device_id=1", "gpu_mem_limit=4000000000", "arena_extend_strategy=kSameAsRequested"],
            options.CudaSettings().Select(s => $"{s.Key}={s.Value}"));
    }

    [Theory]
    [InlineData("", "Microsoft.ML.OnnxRuntime")]
    [InlineData("Cpu", "Microsoft.ML.OnnxRuntime")]
    [InlineData("Gpu", "Microsoft.ML.OnnxRuntime.Gpu.Linux")]
    public void TheBuildSwitch_PicksThePackage(string value, string package)
    {
        // Evaluated by MSBuild itself (no restore, no build): what -p:OnnxRuntime=... makes the project reference.
        var (code, output) = Dotnet("msbuild", Project(), "-getItem:PackageReference", $"-p:OnnxRuntime={value}");
        Assert.True(code == 0, output);
        Assert.Contains($"\"Identity\": \"{package}\"", output, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, "\"Identity\": \"Microsoft\\.ML\\.OnnxRuntime"));
    }

    [Fact]
    public void TheBuildSwitch_RejectsUnknownValues()
    {
        var (code, output) = Dotnet("msbuild", Project(), "-t:CheckOnnxRuntimeSwitch", "-p:OnnxRuntime=Cuda", "-nologo");
        Assert.NotEqual(0, code);
        Assert.Contains("-p:OnnxRuntime=Cuda: expected Cpu (the default) or Gpu", output, StringComparison.Ordinal);
    }

    private static string Project() => Path.Combine(RepositoryRoot(), "src", "KannadaKit.Onnx", "KannadaKit.Onnx.csproj");

    private static (int Code, string Output) Dotnet(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KannadaKit.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("KannadaKit.sln not found above the test binaries");
    }
}
