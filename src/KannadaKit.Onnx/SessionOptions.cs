namespace KannadaKit.Onnx;

/// <summary>How a session runs: provider, threads, graph optimization. Immutable; validated when a session opens.</summary>
public sealed record SessionOptions
{
    /// <summary>CPU (default), CUDA, or CUDA when available.</summary>
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Cpu;

    /// <summary>The CUDA device ordinal.</summary>
    public int DeviceId { get; init; }

    /// <summary>The most bytes CUDA's arena may take; null for ORT's default (no limit).</summary>
    public long? GpuMemoryLimit { get; init; }

    /// <summary>Further CUDA provider options by ORT's names (e.g. <c>cudnn_conv_algo_search</c> = <c>HEURISTIC</c>).</summary>
    public IReadOnlyDictionary<string, string> CudaOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Threads inside one operator; 0 lets ORT choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads across operators in parallel mode; 0 lets ORT choose.</summary>
    public int InterOpThreads { get; init; }

    /// <summary>Run independent operators in parallel (ORT's PARALLEL execution mode).</summary>
    public bool ParallelExecution { get; init; }

    /// <summary>Graph optimization level.</summary>
    public GraphOptimizationLevel Optimization { get; init; } = GraphOptimizationLevel.All;

    /// <summary>ORT's memory-pattern planning (on by default; off helps with shapes that change every run).</summary>
    public bool MemoryPattern { get; init; } = true;

    /// <summary>Extra session configuration entries by ORT's keys (e.g. <c>session.intra_op.allow_spinning</c>).</summary>
    public IReadOnlyDictionary<string, string> ConfigEntries { get; init; } = new Dictionary<string, string>();

    /// <summary>The most threads a session may ask for: ORT starts them all at once, and 100,000 hung the process.</summary>
    public const int MaxThreads = 1024;

    /// <summary>Checks the options; a bad value is an <see cref="OnnxRuntimeException"/> naming it (regression:
    /// --device-id -1 and --gpu-mem-limit -1 were internal errors, --threads 100000 hung).</summary>
    internal void Validate()
    {
        static OnnxRuntimeException Bad(string what) => new(OrtErrorCode.InvalidArgument, what);
        if (DeviceId < 0)
        {
            throw Bad($"the CUDA device id must be 0 or more (got {DeviceId})");
        }
        if (IntraOpThreads is < 0 or > MaxThreads)
        {
            throw Bad($"intra-op threads must be from 0 (ONNX Runtime's choice) to {MaxThreads} (got {IntraOpThreads})");
        }
        if (InterOpThreads is < 0 or > MaxThreads)
        {
            throw Bad($"inter-op threads must be from 0 (ONNX Runtime's choice) to {MaxThreads} (got {InterOpThreads})");
        }
        if (GpuMemoryLimit is <= 0)
        {
            throw Bad($"the GPU memory limit must be a positive number of bytes (got {GpuMemoryLimit})");
        }
    }

    /// <summary>The options passed to ORT's CUDA provider.</summary>
    internal List<KeyValuePair<string, string>> CudaSettings()
    {
        var settings = new List<KeyValuePair<string, string>>
        {
            new("device_id", DeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (GpuMemoryLimit is { } limit)
        {
            settings.Add(new("gpu_mem_limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        foreach (var (key, value) in CudaOptions)
        {
            if (key is not ("device_id" or "gpu_mem_limit"))
            {
                settings.Add(new(key, value));
            }
        }
        return settings;
    }
}
