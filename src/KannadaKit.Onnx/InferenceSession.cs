using Ort = Microsoft.ML.OnnxRuntime;

namespace KannadaKit.Onnx;

/// <summary>
/// An opened model over the package's <c>InferenceSession</c>. Thread-safe for runs (ORT sessions are); Dispose only
/// when no run is in progress. Inputs are checked against the model's declared names, types and shapes before ORT
/// sees them, so a mistake names the input and what it expected; after <see cref="Dispose"/> every member throws
/// <see cref="ObjectDisposedException"/> instead of reaching freed native memory.
/// </summary>
public sealed class InferenceSession : IDisposable
{
    private readonly Ort.InferenceSession _session;
    private readonly Ort.RunOptions _runOptions = new();
    private readonly Dictionary<string, NodeInfo> _inputsByName;
    private readonly Dictionary<string, NodeInfo> _outputsByName;
    private readonly string[] _allOutputs;
    private volatile bool _disposed;

    private InferenceSession(OnnxRuntime runtime, Ort.InferenceSession session, string source, ExecutionProviderChoice provider)
    {
        Runtime = runtime;
        _session = session;
        Source = source;
        Provider = provider;
        Inputs = [.. session.InputNames.Select(n => NodeInfo.From(n, session.InputMetadata[n]))];
        Outputs = [.. session.OutputNames.Select(n => NodeInfo.From(n, session.OutputMetadata[n]))];
        _inputsByName = Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        _outputsByName = Outputs.ToDictionary(o => o.Name, StringComparer.Ordinal);
        _allOutputs = [.. Outputs.Select(o => o.Name)];
        var m = session.ModelMetadata;
        Metadata = new ModelMetadata(m.ProducerName, m.GraphName, m.Domain, m.Description, m.Version,
            new SortedDictionary<string, string>(m.CustomMetadataMap, StringComparer.Ordinal));
    }

    /// <summary>The runtime this session belongs to.</summary>
    public OnnxRuntime Runtime { get; }

    /// <summary>The model file (or the name given for an in-memory model).</summary>
    public string Source { get; }

    /// <summary>The provider the session runs on, and why (for <see cref="ExecutionProvider.Auto"/>).</summary>
    public ExecutionProviderChoice Provider { get; }

    /// <summary>The model's inputs in declaration order.</summary>
    public IReadOnlyList<NodeInfo> Inputs { get; }

    /// <summary>The model's outputs in declaration order.</summary>
    public IReadOnlyList<NodeInfo> Outputs { get; }

    /// <summary>The model's metadata.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The package's session, for APIs this wrapper does not cover. Owned by this object.</summary>
    public Ort.InferenceSession Native
    {
        get
        {
            ThrowIfDisposed();
            return _session;
        }
    }

    /// <summary>Whether the model declares an input with this name.</summary>
    public bool HasInput(string name) => _inputsByName.ContainsKey(name);

    /// <summary>Whether the model declares an output with this name.</summary>
    public bool HasOutput(string name) => _outputsByName.ContainsKey(name);

    /// <summary>The declared input with this name.</summary>
    public NodeInfo Input(string name) => _inputsByName.TryGetValue(name, out var info) ? info
        : throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"{Source}: the model has no input '{name}' (inputs: {Names(Inputs)})");

    internal static InferenceSession Create(OnnxRuntime runtime, SessionOptions options, string source,
        Func<Ort.SessionOptions, Ort.InferenceSession> open)
    {
        options.Validate();
        if (options.Provider == ExecutionProvider.Cpu)
        {
            return Open(runtime, options, source, open, cuda: false, new ExecutionProviderChoice("CPU", ExecutionProvider.Cpu, null));
        }
        string? cudaFailure;
        try
        {
            return Open(runtime, options, source, open, cuda: true, new ExecutionProviderChoice("CUDA", options.Provider, null));
        }
        catch (OnnxRuntimeException e) when (options.Provider == ExecutionProvider.Auto && e.ErrorCode == OrtErrorCode.EpFail)
        {
            cudaFailure = e.Message;
        }
        return Open(runtime, options, source, open, cuda: false,
            new ExecutionProviderChoice("CPU", ExecutionProvider.Auto, $"CUDA unavailable, using CPU: {cudaFailure}"));
    }

    private static InferenceSession Open(OnnxRuntime runtime, SessionOptions options, string source,
        Func<Ort.SessionOptions, Ort.InferenceSession> open, bool cuda, ExecutionProviderChoice choice)
    {
        using var native = new Ort.SessionOptions
        {
            GraphOptimizationLevel = (Ort.GraphOptimizationLevel)(int)options.Optimization,
            ExecutionMode = options.ParallelExecution ? Ort.ExecutionMode.ORT_PARALLEL : Ort.ExecutionMode.ORT_SEQUENTIAL,
            EnableMemoryPattern = options.MemoryPattern,
        };
        if (options.IntraOpThreads > 0)
        {
            native.IntraOpNumThreads = options.IntraOpThreads;
        }
        if (options.InterOpThreads > 0)
        {
            native.InterOpNumThreads = options.InterOpThreads;
        }
        try
        {
            foreach (var (key, value) in options.ConfigEntries)
            {
                native.AddSessionConfigEntry(key, value);
            }
            if (cuda)
            {
                CudaProvider.Append(native, options);
            }
            return new InferenceSession(runtime, open(native), source, choice);
        }
        catch (Ort.OnnxRuntimeException e)
        {
            throw OrtErrors.From(e, source);
        }
    }

    /// <summary>Runs the model on named inputs and returns the named outputs (all of them when null).</summary>
    /// <exception cref="OnnxRuntimeException">A wrong input name, type or shape (before ORT runs), or an ORT failure.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires during the run.</exception>
    /// <exception cref="ObjectDisposedException">When this session or an input value was disposed.</exception>
    public SessionOutputs Run(IReadOnlyList<KeyValuePair<string, OrtValue>> inputs, IReadOnlyList<string>? outputNames = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ThrowIfDisposed();
        CheckInputs(inputs);
        var outputs = outputNames ?? _allOutputs;
        foreach (var name in outputs)
        {
            if (!_outputsByName.ContainsKey(name))
            {
                throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"{Source}: the model has no output '{name}' (outputs: {Names(Outputs)})");
            }
        }
        var names = new string[inputs.Count];
        var values = new Ort.OrtValue[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            names[i] = inputs[i].Key;
            values[i] = inputs[i].Value.Native;
        }
        var results = Execute(options => _session.Run(options, names, values, outputs), cancellationToken);
        var natives = results.ToArray();
        var wrapped = new OrtValue[natives.Length];
        try
        {
            for (var k = 0; k < natives.Length; k++)
            {
                wrapped[k] = OrtValue.FromNative(natives[k]);
            }
        }
        catch
        {
            // A non-tensor output: release every value, wrapped or not, rather than leak native memory.
            foreach (var w in wrapped)
            {
                w?.Dispose();
            }
            // FromNative released the value it refused; the ones after it are still unowned.
            foreach (var n in natives.Skip(wrapped.Count(w => w is not null) + 1))
            {
                n.Dispose();
            }
            throw;
        }
        return new SessionOutputs([.. outputs], wrapped);
    }

    /// <summary>Runs with inputs and outputs bound in advance (<see cref="CreateIoBinding"/>).</summary>
    public void Run(IoBinding binding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ThrowIfDisposed();
        Execute(options =>
        {
            _session.RunWithBinding(options, binding.Native);
            return 0;
        }, cancellationToken);
    }

    /// <summary>An IO binding for this session: inputs and outputs bound once and reused across runs.</summary>
    public IoBinding CreateIoBinding()
    {
        ThrowIfDisposed();
        return new IoBinding(this, _session.CreateIoBinding());
    }

    /// <summary>Runs with the shared run options, or with fresh ones whose terminate flag follows the token.</summary>
    private T Execute<T>(Func<Ort.RunOptions, T> run, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return Wrap(() => run(_runOptions), cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        using var options = new Ort.RunOptions();
        using var registration = cancellationToken.Register(() => options.Terminate = true);
        return Wrap(() => run(options), cancellationToken);
    }

    private T Wrap<T>(Func<T> run, CancellationToken cancellationToken)
    {
        try
        {
            return run();
        }
        catch (Ort.OnnxRuntimeException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{Source}: run cancelled ({OrtErrors.OneLine(e.Message)})", e, cancellationToken);
        }
        catch (Ort.OnnxRuntimeException e)
        {
            throw OrtErrors.From(e, Source);
        }
    }

    internal void CheckInput(string name, OrtValue value)
    {
        if (!_inputsByName.TryGetValue(name, out var info))
        {
            throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"{Source}: the model has no input '{name}' (inputs: {Names(Inputs)})");
        }
        if (info.Mismatch(value.ElementType, value.ShapeArray) is { } problem)
        {
            throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"{Source}: input '{name}': {problem}");
        }
    }

    internal void CheckOutput(string name)
    {
        if (!_outputsByName.ContainsKey(name))
        {
            throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"{Source}: the model has no output '{name}' (outputs: {Names(Outputs)})");
        }
    }

    private void CheckInputs(IReadOnlyList<KeyValuePair<string, OrtValue>> inputs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in inputs)
        {
            ArgumentNullException.ThrowIfNull(value);
            value.ThrowIfDisposed();
            if (!seen.Add(name))
            {
                throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"{Source}: input '{name}' is given twice");
            }
            CheckInput(name, value);
        }
        foreach (var input in Inputs)
        {
            if (!seen.Contains(input.Name))
            {
                throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"{Source}: input '{input.Name}' ({input.TypeText}) is missing");
            }
        }
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static string Names(IEnumerable<NodeInfo> nodes) => string.Join(", ", nodes.Select(n => n.Name));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _session.Dispose();
        _runOptions.Dispose();
    }
}
