using KannadaKit.Onnx;

namespace KannadaKit.Generation.Models;

/// <summary>
/// The past key/value tensors of a decoder between steps: the model's <c>present.*</c> outputs, fed back as the
/// matching <c>past_key_values.*</c> inputs. Empty (zero-length on the sequence axis) before the first step.
/// </summary>
internal sealed class KvCache : IDisposable
{
    private readonly OnnxRuntime _runtime;
    private readonly Dictionary<string, OrtValue> _values = new(StringComparer.Ordinal);

    public KvCache(OnnxRuntime runtime) => _runtime = runtime;

    public bool IsEmpty => _values.Count == 0;

    public OrtValue this[string pastName] => _values[pastName];

    public bool TryGet(string pastName, out OrtValue value) => _values.TryGetValue(pastName, out value!);

    /// <summary>Stores a present output under its past input name, releasing what was there.</summary>
    public void Set(string pastName, OrtValue value)
    {
        if (_values.Remove(pastName, out var old))
        {
            old.Dispose();
        }
        _values[pastName] = value;
    }

    /// <summary>Row r of every tensor becomes row <c>sources[r]</c> (beam search).</summary>
    public void Reorder(IReadOnlyList<int> sources, Func<string, bool>? which = null)
    {
        if (TensorRows.IsIdentity(sources))
        {
            return;
        }
        foreach (var name in _values.Keys.ToArray())
        {
            if (which is null || which(name))
            {
                Set(name, TensorRows.Gather(_runtime, _values[name], sources));
            }
        }
    }

    public void Clear()
    {
        foreach (var v in _values.Values)
        {
            v.Dispose();
        }
        _values.Clear();
    }

    public void Dispose() => Clear();
}
