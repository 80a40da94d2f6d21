using KannadaKit.Onnx;
using KannadaKit.Testing;
using KannadaKit.Testing.Onnx;

namespace KannadaKit.Onnx.Tests;

/// <summary>Native library resolution and execution providers on a CPU-only ORT build.</summary>
public sealed class ProviderAndLibraryTests
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

    private static bool HasCudaProvider()
    {
        // The npm-shipped build lists CUDA (it is compiled in) but lacks the provider libraries; a real GPU machine
        // with them installed would make these tests meaningless, so they check that situation first.
        var folder = Path.GetDirectoryName(Runtime.LibraryPath) ?? ".";
        return File.Exists(Path.Combine(folder, "libonnxruntime_providers_cuda.so"));
    }

    [OnnxRuntimeFact]
    public void Cuda_without_its_provider_libraries_names_what_is_missing()
    {
        if (HasCudaProvider())
        {
            return;
        }
        var options = new SessionOptions { Provider = ExecutionProvider.Cuda, DeviceId = 0, GpuMemoryLimit = 2L << 30 };
        var e = Assert.Throws<OnnxRuntimeException>(() => Runtime.OpenSession(IdentityModel(), options));
        Assert.Equal(OrtErrorCode.EpFail, e.ErrorCode);
        Assert.StartsWith("CUDA execution provider unavailable: ", e.Message, StringComparison.Ordinal);
        if (Runtime.AvailableProviders().Contains("CUDAExecutionProvider"))
        {
            // The provider options were created (slot 205) and ORT failed loading the provider when they were
            // updated (slot 206): the message names the library and where to get it.
            Assert.Contains("libonnxruntime_providers_shared.so", e.Message, StringComparison.Ordinal);
            Assert.Contains("Microsoft.ML.OnnxRuntime.Gpu.Linux", e.Message, StringComparison.Ordinal);
            Assert.Contains("CUDA 12 and cuDNN 9", e.Message, StringComparison.Ordinal);
        }
    }

    [OnnxRuntimeFact]
    public void Auto_falls_back_to_cpu_and_says_why()
    {
        if (HasCudaProvider())
        {
            return;
        }
        using var session = Runtime.OpenSession(IdentityModel(), new SessionOptions { Provider = ExecutionProvider.Auto, CudaOptions = new Dictionary<string, string> { ["cudnn_conv_algo_search"] = "HEURISTIC" } });
        Assert.Equal("CPU", session.Provider.Name);
        Assert.Equal(ExecutionProvider.Auto, session.Provider.Requested);
        Assert.StartsWith("CUDA unavailable, using CPU: CUDA execution provider unavailable", session.Provider.FallbackReason, StringComparison.Ordinal);
        Assert.StartsWith("CPU (auto: CUDA unavailable", session.Provider.ToString(), StringComparison.Ordinal);
        using var x = OrtValue.FromArray(Runtime, new[] { 4f, 2f }, 2);
        using var outputs = session.Run([new("x", x)]);
        Assert.Equal(new[] { 4f, 2f }, outputs["y"].ToArray<float>());
    }

    [Fact]
    public void Cuda_settings_carry_device_memory_limit_and_extra_options()
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

    [Fact]
    public void A_missing_explicit_library_is_a_clear_error()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => OnnxRuntime.Load(new OnnxRuntimeOptions { LibraryPath = "/no/such/libonnxruntime.so.1" }));
        Assert.Equal(OrtErrorCode.NoSuchFile, e.ErrorCode);
        Assert.Equal("ONNX Runtime native library not found: /no/such/libonnxruntime.so.1 (the library path given)", e.Message);
    }

    [Fact]
    public void A_missing_environment_library_names_the_variable()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => NativeLibraryLocator.Load(null, "/nowhere/lib.so", "/app", null, _ => 0));
        Assert.Equal("ONNX Runtime native library not found: /nowhere/lib.so (KANNADAKIT_ONNXRUNTIME)", e.Message);
    }

    [Fact]
    public void When_nothing_is_found_every_place_looked_in_is_listed()
    {
        using var dir = new TempDirectory();
        var asked = new List<string>();
        var e = Assert.Throws<OnnxRuntimeException>(() => NativeLibraryLocator.Load(null, null, dir.Path, dir.File("cache"), name =>
        {
            asked.Add(name);
            return 0;
        }));
        Assert.NotEmpty(asked);
        Assert.Equal(OrtErrorCode.NoSuchFile, e.ErrorCode);
        Assert.StartsWith("ONNX Runtime native library not found; looked in: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(dir.Path, "runtimes"), e.Message, StringComparison.Ordinal);
        Assert.Contains(dir.File("cache"), e.Message, StringComparison.Ordinal);
        Assert.Contains("on the system library path", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("Run tools/setup-onnxruntime.sh, or set KANNADAKIT_ONNXRUNTIME to your libonnxruntime", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_library_is_rejected()
    {
        using var dir = new TempDirectory();
        var fake = dir.File("libonnxruntime.so.1");
        File.WriteAllText(fake, "not an ELF file");
        var e = Assert.Throws<OnnxRuntimeException>(() => OnnxRuntime.Load(new OnnxRuntimeOptions { LibraryPath = fake }));
        Assert.StartsWith($"could not load the ONNX Runtime library {fake} (the library path given): ", e.Message, StringComparison.Ordinal);
    }

    [OnnxRuntimeFact]
    public void The_runtimes_rid_native_layout_next_to_the_app_is_found()
    {
        using var dir = new TempDirectory();
        var native = Path.Combine(dir.Path, "runtimes", "linux-x64", "native");
        if (!OperatingSystem.IsLinux() || !File.Exists(Runtime.LibraryPath))
        {
            return;
        }
        Directory.CreateDirectory(native);
        File.Copy(Runtime.LibraryPath, Path.Combine(native, "libonnxruntime.so.1"));
        var (_, path) = NativeLibraryLocator.Load(null, null, dir.Path, null, _ => 0);
        Assert.Equal(Path.Combine(native, "libonnxruntime.so.1"), path);
    }
}
