using KannadaKit.Onnx.Native;

namespace KannadaKit.Onnx;

/// <summary>
/// An opened model. Immutable after creation and thread-safe: runs from several threads at once are allowed (ORT
/// sessions are). Inputs are checked against the model's declared names, types and shapes before ORT sees them,
/// so a mistake names the input and what it expected.
/// </summary>
public sealed unsafe class InferenceSession : IDisposable
{
    private readonly OnnxRuntime _runtime;
    private readonly OrtHandle _session;
    private readonly Dictionary<string, NodeInfo> _inputsByName;
    private readonly Dictionary<string, NodeInfo> _outputsByName;

    private InferenceSession(OnnxRuntime runtime, OrtHandle session, string source, ExecutionProviderChoice provider)
    {
        _runtime = runtime;
        _session = session;
        Source = source;
        Provider = provider;
        Inputs = ReadNodes(output: false);
        Outputs = ReadNodes(output: true);
        _inputsByName = Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        _outputsByName = Outputs.ToDictionary(o => o.Name, StringComparer.Ordinal);
        Metadata = ReadMetadata();
    }

    /// <summary>The runtime this session belongs to.</summary>
    public OnnxRuntime Runtime => _runtime;

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

    /// <summary>Whether the model declares an input with this name.</summary>
    public bool HasInput(string name) => _inputsByName.ContainsKey(name);

    /// <summary>Whether the model declares an output with this name.</summary>
    public bool HasOutput(string name) => _outputsByName.ContainsKey(name);

    /// <summary>The declared input with this name.</summary>
    public NodeInfo Input(string name) => _inputsByName.TryGetValue(name, out var info) ? info
        : throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"{Source}: the model has no input '{name}' (inputs: {Names(Inputs)})");

    internal static InferenceSession Create(OnnxRuntime runtime, SessionOptions options, string source, Func<OrtHandle, nint> open)
    {
        options.Validate();
        if (options.Provider == ExecutionProvider.Cpu)
        {
            return Open(runtime, options, source, open, null, new ExecutionProviderChoice("CPU", ExecutionProvider.Cpu, null));
        }
        string? cudaFailure = null;
        try
        {
            return Open(runtime, options, source, open, o => AppendCuda(runtime, o, options),
                new ExecutionProviderChoice("CUDA", options.Provider, null));
        }
        catch (OnnxRuntimeException e) when (options.Provider == ExecutionProvider.Auto && e.ErrorCode == OrtErrorCode.EpFail)
        {
            cudaFailure = e.Message;
        }
        return Open(runtime, options, source, open, null,
            new ExecutionProviderChoice("CPU", ExecutionProvider.Auto, $"CUDA unavailable, using CPU: {cudaFailure}"));
    }

    private static InferenceSession Open(OnnxRuntime runtime, SessionOptions options, string source, Func<OrtHandle, nint> open,
        Action<OrtHandle>? provider, ExecutionProviderChoice choice)
    {
        var api = runtime.Api;
        using var native = new OrtHandle(api, api.CreateSessionOptions(), OrtHandle.SessionOptionsSlot);
        api.SetGraphOptimizationLevel(native, (int)options.Optimization);
        api.SetExecutionMode(native, options.ParallelExecution ? 1 : 0);
        api.SetMemoryPattern(native, options.MemoryPattern);
        if (options.IntraOpThreads > 0)
        {
            api.SetIntraOpThreads(native, options.IntraOpThreads);
        }
        if (options.InterOpThreads > 0)
        {
            api.SetInterOpThreads(native, options.InterOpThreads);
        }
        foreach (var (key, value) in options.ConfigEntries)
        {
            api.AddSessionConfigEntry(native, key, value);
        }
        provider?.Invoke(native);
        nint session;
        try
        {
            session = open(native);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxRuntimeException(e.ErrorCode, $"{source}: {e.Message}", e);
        }
        return new InferenceSession(runtime, new OrtHandle(api, session, OrtHandle.SessionSlot), source, choice);
    }

    /// <summary>Appends CUDA, turning ORT's "failed to load library" into a message that says what to install.</summary>
    private static void AppendCuda(OnnxRuntime runtime, OrtHandle options, SessionOptions settings)
    {
        if (!runtime.AvailableProviders().Contains("CUDAExecutionProvider"))
        {
            throw new OnnxRuntimeException(OrtErrorCode.EpFail,
                $"the ONNX Runtime build at {runtime.LibraryPath} has no CUDA execution provider; use an official GPU build of ONNX Runtime {runtime.Version}");
        }
        try
        {
            runtime.Api.AppendCuda(options, settings.CudaSettings());
        }
        catch (OnnxRuntimeException e)
        {
            var folder = Path.GetDirectoryName(runtime.LibraryPath) ?? ".";
            var missing = e.Message.Contains("providers_shared", StringComparison.Ordinal) ? "libonnxruntime_providers_shared.so"
                : e.Message.Contains("providers_cuda", StringComparison.Ordinal) ? "libonnxruntime_providers_cuda.so"
                : null;
            var advice = missing is not null
                ? $"{missing} (and libonnxruntime_providers_cuda.so) must sit next to {runtime.LibraryPath}: copy them from "
                  + $"runtimes/linux-x64/native/ of the NuGet package Microsoft.ML.OnnxRuntime.Gpu.Linux {runtime.Version}, with CUDA 12 and cuDNN 9 installed"
                : $"check that CUDA 12 and cuDNN 9 are installed and that the GPU provider libraries sit in {folder}";
            throw new OnnxRuntimeException(OrtErrorCode.EpFail, $"CUDA execution provider unavailable: {advice} (ONNX Runtime said: {e.Message})", e);
        }
    }

    /// <summary>Runs the model on named inputs and returns the named outputs (all of them when null).</summary>
    /// <exception cref="OnnxRuntimeException">A wrong input name, type or shape (before ORT runs), or an ORT failure.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires during the run.</exception>
    public SessionOutputs Run(IReadOnlyList<KeyValuePair<string, OrtValue>> inputs, IReadOnlyList<string>? outputNames = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        CheckInputs(inputs);
        var outputs = outputNames ?? Outputs.Select(o => o.Name).ToArray();
        foreach (var name in outputs)
        {
            if (!_outputsByName.ContainsKey(name))
            {
                throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"{Source}: the model has no output '{name}' (outputs: {Names(Outputs)})");
            }
        }
        var api = _runtime.Api;
        var names = new List<Utf8String>(inputs.Count + outputs.Count);
        var refs = new List<OrtHandle>(inputs.Count);
        var inputNames = stackalloc nint[inputs.Count];
        var inputValues = stackalloc nint[inputs.Count];
        var outputNamePointers = stackalloc nint[outputs.Count];
        var outputValues = stackalloc nint[outputs.Count];
        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var name = new Utf8String(inputs[i].Key);
                names.Add(name);
                inputNames[i] = (nint)name.Pointer;
                var success = false;
                inputs[i].Value.Handle.DangerousAddRef(ref success);
                refs.Add(inputs[i].Value.Handle);
                inputValues[i] = inputs[i].Value.Handle.DangerousGetHandle();
            }
            for (var i = 0; i < outputs.Count; i++)
            {
                var name = new Utf8String(outputs[i]);
                names.Add(name);
                outputNamePointers[i] = (nint)name.Pointer;
                outputValues[i] = 0;
            }
            using var run = RunOptionsFor(cancellationToken);
            try
            {
                api.Run(_session, run?.Options ?? 0, inputNames, inputValues, inputs.Count, outputNamePointers, outputs.Count, outputValues);
            }
            catch (OnnxRuntimeException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"{Source}: run cancelled ({e.Message})", e, cancellationToken);
            }
            catch (OnnxRuntimeException e)
            {
                throw new OnnxRuntimeException(e.ErrorCode, $"{Source}: {e.Message}", e);
            }
        }
        finally
        {
            foreach (var r in refs)
            {
                r.DangerousRelease();
            }
            foreach (var n in names)
            {
                n.Dispose();
            }
        }
        var values = new OrtValue[outputs.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = OrtValue.FromNative(_runtime, outputValues[i]);
        }
        return new SessionOutputs([.. outputs], values);
    }

    /// <summary>Runs with inputs and outputs bound in advance (<see cref="CreateIoBinding"/>).</summary>
    public void Run(IoBinding binding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(binding);
        using var run = RunOptionsFor(cancellationToken);
        try
        {
            _runtime.Api.RunWithBinding(_session, run?.Options ?? 0, binding.Handle);
        }
        catch (OnnxRuntimeException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"{Source}: run cancelled ({e.Message})", e, cancellationToken);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxRuntimeException(e.ErrorCode, $"{Source}: {e.Message}", e);
        }
    }

    /// <summary>An IO binding for this session: inputs and outputs bound once and reused across runs.</summary>
    public IoBinding CreateIoBinding() =>
        new(this, new OrtHandle(_runtime.Api, _runtime.Api.CreateIoBinding(_session), OrtHandle.IoBindingSlot));

    internal void CheckInput(string name, OrtValue value)
    {
        if (!_inputsByName.TryGetValue(name, out var info))
        {
            throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"{Source}: the model has no input '{name}' (inputs: {Names(Inputs)})");
        }
        if (info.Mismatch(value.ElementType, value.Shape.ToArray()) is { } problem)
        {
            throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"{Source}: input '{name}': {problem}");
        }
    }

    private void CheckInputs(IReadOnlyList<KeyValuePair<string, OrtValue>> inputs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in inputs)
        {
            ArgumentNullException.ThrowIfNull(value);
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

    private RunOptionsScope? RunOptionsFor(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled ? new RunOptionsScope(_runtime.Api, cancellationToken) : null;

    private List<NodeInfo> ReadNodes(bool output)
    {
        var api = _runtime.Api;
        var count = output ? api.SessionOutputCount(_session) : api.SessionInputCount(_session);
        var nodes = new List<NodeInfo>(count);
        for (var i = 0; i < count; i++)
        {
            var name = output ? api.SessionOutputName(_session, i) : api.SessionInputName(_session, i);
            var typeInfo = api.SessionTypeInfo(_session, i, output);
            try
            {
                // ONNXType 1 = tensor.
                if (api.OnnxTypeOf(typeInfo) != 1)
                {
                    nodes.Add(new NodeInfo(name, false, TensorElementType.Undefined, [], []));
                    continue;
                }
                var tensor = api.CastToTensorInfo(typeInfo);
                var dims = api.DimensionsOf(tensor);
                nodes.Add(new NodeInfo(name, true, api.ElementTypeOf(tensor), dims, api.SymbolicDimensionsOf(tensor, dims.Length)));
            }
            finally
            {
                api.ReleaseTypeInfo(typeInfo);
            }
        }
        return nodes;
    }

    private ModelMetadata ReadMetadata()
    {
        var api = _runtime.Api;
        using var metadata = new OrtHandle(api, api.SessionModelMetadata(_session), OrtHandle.ModelMetadataSlot);
        var custom = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in api.MetadataKeys(metadata))
        {
            custom[key] = api.MetadataLookup(metadata, key) ?? "";
        }
        return new ModelMetadata(api.MetadataString(metadata, 112), api.MetadataString(metadata, 113),
            api.MetadataString(metadata, 114), api.MetadataString(metadata, 115), api.MetadataVersion(metadata), custom);
    }

    private static string Names(IEnumerable<NodeInfo> nodes) => string.Join(", ", nodes.Select(n => n.Name));

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    /// <summary>Run options whose terminate flag follows a cancellation token.</summary>
    private sealed class RunOptionsScope : IDisposable
    {
        private readonly OrtHandle _options;
        private readonly CancellationTokenRegistration _registration;

        public RunOptionsScope(OrtApi api, CancellationToken token)
        {
            token.ThrowIfCancellationRequested();
            _options = new OrtHandle(api, api.CreateRunOptions(), OrtHandle.RunOptionsSlot);
            var handle = _options.DangerousGetHandle();
            _registration = token.Register(() => api.RunOptionsSetTerminate(handle));
        }

        public nint Options => _options.DangerousGetHandle();

        public void Dispose()
        {
            _registration.Dispose();
            _options.Dispose();
        }
    }
}
