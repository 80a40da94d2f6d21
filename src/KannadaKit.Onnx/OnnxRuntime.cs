using KannadaKit.Onnx.Native;

namespace KannadaKit.Onnx;

/// <summary>
/// A loaded ONNX Runtime: the native library, its API table and one ORT environment. Create it once and share it;
/// it is thread-safe. Sessions and values made from it keep it alive.
/// </summary>
public sealed class OnnxRuntime : IDisposable
{
    private OnnxRuntime(OrtApi api, OrtHandle env, OrtHandle cpuMemory)
    {
        Api = api;
        Env = env;
        CpuMemory = cpuMemory;
    }

    internal OrtApi Api { get; }

    internal OrtHandle Env { get; }

    internal OrtHandle CpuMemory { get; }

    /// <summary>The runtime's version string, e.g. <c>1.30.0</c>.</summary>
    public string Version => Api.Version;

    /// <summary>The file the native library was loaded from (or its name, when the system loader found it).</summary>
    public string LibraryPath => Api.LibraryPath;

    /// <summary>ORT's build description (commit, build type).</summary>
    public string BuildInfo => Api.BuildInfo();

    /// <summary>Loads ONNX Runtime (see <see cref="NativeLibraryLocator"/> for where it looks).</summary>
    /// <exception cref="OnnxRuntimeException">When the library is missing, not ORT, or older than API 30.</exception>
    public static OnnxRuntime Load(OnnxRuntimeOptions? options = null)
    {
        options ??= new OnnxRuntimeOptions();
        var (library, path) = NativeLibraryLocator.Load(options.LibraryPath);
        var api = OrtApi.FromLibrary(library, path);
        var env = new OrtHandle(api, api.CreateEnv((int)options.LogLevel, options.LogId), OrtHandle.EnvSlot);
        var memory = new OrtHandle(api, api.CreateCpuMemoryInfo(), OrtHandle.MemoryInfoSlot);
        return new OnnxRuntime(api, env, memory);
    }

    /// <summary>The execution providers this build was compiled with (e.g. CUDAExecutionProvider, CPUExecutionProvider).
    /// Being listed does not mean the provider's own libraries are installed: see <see cref="ExecutionProvider.Cuda"/>.</summary>
    public IReadOnlyList<string> AvailableProviders() => Api.AvailableProviders();

    /// <summary>Opens a model file (external data next to it resolves).</summary>
    /// <exception cref="OnnxRuntimeException">A missing file (<see cref="OrtErrorCode.NoSuchFile"/>), a corrupt one, or
    /// a provider that cannot be used.</exception>
    public InferenceSession OpenSession(string modelPath, SessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        var full = Path.GetFullPath(modelPath);
        if (!File.Exists(full))
        {
            throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile, $"{modelPath}: model file not found");
        }
        return InferenceSession.Create(this, options ?? new SessionOptions(), modelPath,
            (o) => Api.CreateSession(Env, full, o));
    }

    /// <summary>Opens a model held in memory (it may not use external data).</summary>
    public InferenceSession OpenSession(ReadOnlyMemory<byte> model, SessionOptions? options = null, string name = "<memory>") =>
        InferenceSession.Create(this, options ?? new SessionOptions(), name, (o) => Api.CreateSessionFromArray(Env, model.Span, o));

    /// <inheritdoc />
    public void Dispose()
    {
        CpuMemory.Dispose();
        Env.Dispose();
    }
}
