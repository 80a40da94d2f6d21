namespace KannadaKit.Onnx;

/// <summary>The outputs of one run, in the order asked for. Disposing releases every value not taken.</summary>
public sealed class SessionOutputs : IDisposable
{
    private readonly string[] _names;
    private readonly OrtValue?[] _values;

    internal SessionOutputs(string[] names, OrtValue[] values)
    {
        _names = names;
        _values = values;
    }

    /// <summary>The output names.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The output with this name (still owned by this object).</summary>
    public OrtValue this[string name] => _values[IndexOf(name)] ?? throw new InvalidOperationException($"output '{name}' was taken");

    /// <summary>Takes ownership of an output so it outlives this object (e.g. a KV cache fed to the next step).</summary>
    public OrtValue Take(string name)
    {
        var i = IndexOf(name);
        var value = _values[i] ?? throw new InvalidOperationException($"output '{name}' was taken");
        _values[i] = null;
        return value;
    }

    private int IndexOf(string name)
    {
        var i = Array.IndexOf(_names, name);
        return i >= 0 ? i : throw new KeyNotFoundException($"no output '{name}' in this run (outputs: {string.Join(", ", _names)})");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var v in _values)
        {
            v?.Dispose();
        }
        Array.Clear(_values);
    }
}
