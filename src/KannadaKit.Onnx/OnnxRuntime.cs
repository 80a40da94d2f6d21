using Ort = Microsoft.ML.OnnxRuntime;

namespace KannadaKit.Onnx;

/// <summary>
/// ONNX Runtime as the official <c>Microsoft.ML.OnnxRuntime</c> package provides it (CPU by default, the CUDA build
/// with <c>-p:OnnxRuntime=Gpu</c>). Create it once and share it; it is thread-safe. Disposing it stops new sessions
/// and values being made from it (they throw <see cref="ObjectDisposedException"/>); ORT's own environment is
/// process-wide and outlives it, so sessions already open keep working.
/// </summary>
public sealed class OnnxRuntime : IDisposable
{
    private readonly Ort.OrtEnv _env;
    private volatile bool _disposed;

    private OnnxRuntime(Ort.OrtEnv env) => _env = env;

    /// <summary>The native runtime's version, e.g. <c>1.31.1</c>.</summary>
    public string Version => _env.GetVersionString();

    /// <summary>The NuGet package the natives came from, chosen at build time: <c>Microsoft.ML.OnnxRuntime</c> (CPU)
    /// or <c>Microsoft.ML.OnnxRuntime.Gpu.Linux</c> (CUDA).</summary>
    public static string Package =>
#if ONNXRUNTIME_GPU
        "Microsoft.ML.OnnxRuntime.Gpu.Linux";
#else
        "Microsoft.ML.OnnxRuntime";
#endif

    /// <summary>Whether this build references the CUDA build of ONNX Runtime.</summary>
    public static bool IsGpuBuild =>
#if ONNXRUNTIME_GPU
        true;
#else
        false;
#endif

    /// <summary>Starts ONNX Runtime (the natives ship in the NuGet package, next to the app).</summary>
    /// <exception cref="OnnxRuntimeException">When the native library cannot be loaded.</exception>
    public static OnnxRuntime Load(OnnxRuntimeOptions? options = null)
    {
        options ??= new OnnxRuntimeOptions();
        try
        {
            if (!Ort.OrtEnv.IsCreated)
            {
                var creation = new Ort.EnvironmentCreationOptions
                {
                    logId = options.LogId,
                    logLevel = (Ort.OrtLoggingLevel)(int)options.LogLevel,
                };
                return new OnnxRuntime(Ort.OrtEnv.CreateInstanceWithOptions(ref creation));
            }
            return new OnnxRuntime(Ort.OrtEnv.Instance());
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile,
                $"ONNX Runtime's native library could not be loaded ({e.Message}): it ships in the {Package} package, in runtimes/<rid>/native next to the app");
        }
        catch (Ort.OnnxRuntimeException e)
        {
            throw OrtErrors.From(e, "ONNX Runtime");
        }
    }

    /// <summary>The execution providers this build offers (<c>CPUExecutionProvider</c>, and <c>CUDAExecutionProvider</c>
    /// in the GPU build; CUDA also needs CUDA 13 and cuDNN 9 installed to run).</summary>
    public IReadOnlyList<string> AvailableProviders()
    {
        ThrowIfDisposed();
        return _env.GetAvailableProviders();
    }

    /// <summary>Opens a model file (external data next to it resolves).</summary>
    /// <exception cref="OnnxRuntimeException">A missing file (<see cref="OrtErrorCode.NoSuchFile"/>), a corrupt one, or
    /// a provider that cannot be used.</exception>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    public InferenceSession OpenSession(string modelPath, SessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        ThrowIfDisposed();
        var full = Path.GetFullPath(modelPath);
        if (!File.Exists(full))
        {
            throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile, $"{modelPath}: model file not found");
        }
        return InferenceSession.Create(this, options ?? new SessionOptions(), modelPath, o => new Ort.InferenceSession(full, o));
    }

    /// <summary>Opens a model held in memory (it may not use external data).</summary>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    public InferenceSession OpenSession(ReadOnlyMemory<byte> model, SessionOptions? options = null, string name = "<memory>")
    {
        ThrowIfDisposed();
        var bytes = model.ToArray();
        return InferenceSession.Create(this, options ?? new SessionOptions(), name, o => new Ort.InferenceSession(bytes, o));
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <inheritdoc />
    public void Dispose() => _disposed = true;
}
