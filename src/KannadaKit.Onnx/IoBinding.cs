using Ort = Microsoft.ML.OnnxRuntime;

namespace KannadaKit.Onnx;

/// <summary>
/// Inputs and outputs bound to a session ahead of a run, so repeated runs (a decoding loop) skip name lookups, write
/// into preallocated outputs, and can leave outputs on the device (a KV cache on CUDA). Keeps the bound values alive
/// until cleared or disposed. Not thread-safe.
/// </summary>
public sealed class IoBinding : IDisposable
{
    private readonly InferenceSession _session;
    private readonly Ort.OrtIoBinding _binding;
    private readonly List<OrtValue> _held = [];
    private readonly List<string> _outputNames = [];
    private bool _disposed;

    internal IoBinding(InferenceSession session, Ort.OrtIoBinding binding)
    {
        _session = session;
        _binding = binding;
    }

    internal Ort.OrtIoBinding Native
    {
        get
        {
            ThrowIfDisposed();
            foreach (var value in _held)
            {
                value.ThrowIfDisposed();
            }
            return _binding;
        }
    }

    /// <summary>The names of the bound outputs, in binding order.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Binds an input (checked against the model like <see cref="InferenceSession.Run(IReadOnlyList{KeyValuePair{string, OrtValue}}, IReadOnlyList{string}?, CancellationToken)"/>).</summary>
    public void BindInput(string name, OrtValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ThrowIfDisposed();
        _session.CheckInput(name, value);
        _binding.BindInput(name, value.Native);
        _held.Add(value);
    }

    /// <summary>Binds an output to a tensor you allocated: the run writes into it.</summary>
    public void BindOutput(string name, OrtValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ThrowIfDisposed();
        _session.CheckOutput(name);
        _binding.BindOutput(name, value.Native);
        _held.Add(value);
        _outputNames.Add(name);
    }

    /// <summary>Binds an output that ORT allocates in CPU memory on each run (read it with <see cref="GetOutputs"/>).</summary>
    public void BindOutputToCpu(string name)
    {
        ThrowIfDisposed();
        _session.CheckOutput(name);
        _binding.BindOutputToDevice(name, Ort.OrtMemoryInfo.DefaultInstance);
        _outputNames.Add(name);
    }

    /// <summary>Binds an output that ORT allocates on CUDA device <paramref name="deviceId"/> and leaves there, so it can
    /// be bound as the next run's input without a copy through the host (the KV cache on a GPU).</summary>
    public void BindOutputToCuda(string name, int deviceId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deviceId);
        ThrowIfDisposed();
        _session.CheckOutput(name);
        using var memory = new Ort.OrtMemoryInfo(Ort.OrtMemoryInfo.allocatorCUDA, Ort.OrtAllocatorType.DeviceAllocator, deviceId, Ort.OrtMemType.Default);
        _binding.BindOutputToDevice(name, memory);
        _outputNames.Add(name);
    }

    /// <summary>The outputs of the last run, in binding order; the caller owns them.</summary>
    public SessionOutputs GetOutputs()
    {
        ThrowIfDisposed();
        var values = _binding.GetOutputValues();
        return new SessionOutputs([.. _outputNames], [.. values.Select(OrtValue.FromNative)]);
    }

    /// <summary>Unbinds every input.</summary>
    public void ClearInputs()
    {
        ThrowIfDisposed();
        _binding.ClearBoundInputs();
    }

    /// <summary>Unbinds every output.</summary>
    public void ClearOutputs()
    {
        ThrowIfDisposed();
        _binding.ClearBoundOutputs();
        _outputNames.Clear();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _binding.Dispose();
            _held.Clear();
        }
    }
}
