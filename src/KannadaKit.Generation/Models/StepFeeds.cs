using KannadaKit.Onnx;

namespace KannadaKit.Generation.Models;

/// <summary>The named inputs of one decoding step: tensors made for the step are released with it, lent ones (the
/// cache, the encoder output) are not.</summary>
internal sealed class StepFeeds : IDisposable
{
    private readonly List<KeyValuePair<string, OrtValue>> _items = [];
    private readonly List<OrtValue> _owned = [];

    public IReadOnlyList<KeyValuePair<string, OrtValue>> Items => _items;

    /// <summary>Adds a tensor made for this step; it is disposed with the feeds.</summary>
    public void Own(string name, OrtValue value)
    {
        _owned.Add(value);
        _items.Add(new(name, value));
    }

    /// <summary>Adds a tensor that outlives the step.</summary>
    public void Lend(string name, OrtValue value) => _items.Add(new(name, value));

    public void Dispose()
    {
        foreach (var value in _owned)
        {
            value.Dispose();
        }
        _owned.Clear();
    }
}
