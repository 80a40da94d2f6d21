using KannadaKit.Onnx.Native;

namespace KannadaKit.Onnx;

/// <summary>
/// Inputs and outputs bound to a session ahead of a run, so repeated runs (a decoding loop) skip name lookups and
/// can write into preallocated outputs. Keeps the bound values alive until cleared or disposed. Not thread-safe.
/// </summary>
public sealed class IoBinding : IDisposable
{
    private readonly InferenceSession _session;
    private readonly List<OrtValue> _held = [];
    private readonly List<string> _outputNames = [];

    internal IoBinding(InferenceSession session, OrtHandle handle)
    {
        _session = session;
        Handle = handle;
    }

    internal OrtHandle Handle { get; }

    /// <summary>The names of the bound outputs, in binding order.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Binds an input (checked against the model like <see cref="InferenceSession.Run(IReadOnlyList{KeyValuePair{string, OrtValue}}, IReadOnlyList{string}?, CancellationToken)"/>).</summary>
    public void BindInput(string name, OrtValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _session.CheckInput(name, value);
        _session.Runtime.Api.BindInput(Handle, name, value.Handle);
        _held.Add(value);
    }

    /// <summary>Binds an output to a tensor you allocated: the run writes into it.</summary>
    public void BindOutput(string name, OrtValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        CheckOutput(name);
        _session.Runtime.Api.BindOutput(Handle, name, value.Handle);
        _held.Add(value);
        _outputNames.Add(name);
    }

    /// <summary>Binds an output that ORT allocates in CPU memory on each run (read it with <see cref="GetOutputs"/>).</summary>
    public void BindOutputToCpu(string name)
    {
        CheckOutput(name);
        _session.Runtime.Api.BindOutputToDevice(Handle, name, _session.Runtime.CpuMemory);
        _outputNames.Add(name);
    }

    /// <summary>The outputs of the last run, in binding order; the caller owns them.</summary>
    public SessionOutputs GetOutputs()
    {
        var runtime = _session.Runtime;
        var values = runtime.Api.BoundOutputValues(Handle);
        return new SessionOutputs([.. _outputNames], values.Select(v => OrtValue.FromNative(runtime, v)).ToArray());
    }

    /// <summary>Unbinds every input.</summary>
    public void ClearInputs()
    {
        _session.Runtime.Api.ClearBoundInputs(Handle);
    }

    /// <summary>Unbinds every output.</summary>
    public void ClearOutputs()
    {
        _session.Runtime.Api.ClearBoundOutputs(Handle);
        _outputNames.Clear();
    }

    private void CheckOutput(string name)
    {
        if (!_session.HasOutput(name))
        {
            throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument,
                $"{_session.Source}: the model has no output '{name}' (outputs: {string.Join(", ", _session.Outputs.Select(o => o.Name))})");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Handle.Dispose();
        _held.Clear();
    }
}
