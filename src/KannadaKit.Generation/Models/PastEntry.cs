using System.Text.RegularExpressions;
using KannadaKit.Onnx;

namespace KannadaKit.Generation.Models;

/// <summary>One past key or value input.</summary>
internal sealed class PastEntry
{
    private readonly NodeInfo _info;
    private readonly ModelConfig _config;

    public PastEntry(string name, string presentName, NodeInfo info, int layer, bool isEncoder, ModelConfig config)
    {
        Name = name;
        PresentName = presentName;
        _info = info;
        Layer = layer;
        IsEncoder = isEncoder;
        _config = config;
    }

    public string Name { get; }

    public string PresentName { get; }

    public int Layer { get; }

    /// <summary>A cross-attention (encoder) entry, computed once from the encoder output.</summary>
    public bool IsEncoder { get; }

    public TensorElementType ElementType => _info.ElementType;

    /// <summary>[batch, heads, 0, head_dim]: fixed dimensions from the model, symbolic ones from config.json.</summary>
    public long[] EmptyShape(int batch)
    {
        var dims = _info.Dimensions;
        if (dims.Count != 4)
        {
            throw new GenerationException($"{Name}: expected a [batch, heads, sequence, head_dim] cache, the model declares {_info.ShapeText}");
        }
        long Resolve(int axis, int? fromConfig, string what) =>
            dims[axis] >= 0 ? dims[axis]
            : fromConfig ?? throw new GenerationException($"{Name} has a symbolic {what} dimension ({_info.ShapeText}) and config.json does not give it");
        return [batch, Resolve(1, _config.KeyValueHeads, "heads"), 0, Resolve(3, _config.HeadDim, "head_dim")];
    }
}
