namespace KannadaKit.Onnx;

/// <summary>A model input or output: name, element type and shape, with symbolic dimensions by name.</summary>
/// <param name="Name">The input or output name.</param>
/// <param name="IsTensor">False for sequences, maps and other non-tensor values.</param>
/// <param name="ElementType">The element type (Undefined for non-tensors).</param>
/// <param name="Dimensions">Fixed sizes; -1 where the dimension is symbolic or unknown.</param>
/// <param name="SymbolicDimensions">The name of each symbolic dimension ("batch"), empty where fixed or unnamed.</param>
public sealed record NodeInfo(string Name, bool IsTensor, TensorElementType ElementType, IReadOnlyList<long> Dimensions,
    IReadOnlyList<string> SymbolicDimensions)
{
    /// <summary>The shape as people write it: <c>[batch, 3]</c>, with <c>?</c> for an unnamed free dimension.</summary>
    public string ShapeText => "[" + string.Join(", ", Dimensions.Select((d, i) =>
        d >= 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : SymbolicDimensions[i].Length > 0 ? SymbolicDimensions[i] : "?")) + "]";

    /// <summary>Type and shape, e.g. <c>int64 [batch, sequence]</c>.</summary>
    public string TypeText => IsTensor ? $"{TensorElementTypes.Name(ElementType)} {ShapeText}" : "non-tensor";

    /// <summary>Reads the package's metadata of one input or output.</summary>
    internal static NodeInfo From(string name, Microsoft.ML.OnnxRuntime.NodeMetadata metadata)
    {
        if (!metadata.IsTensor)
        {
            return new NodeInfo(name, false, TensorElementType.Undefined, [], []);
        }
        var symbolic = metadata.SymbolicDimensions;
        var dims = metadata.Dimensions;
        return new NodeInfo(name, true, (TensorElementType)(int)metadata.ElementDataType, [.. dims.Select(d => (long)d)],
            [.. dims.Select((_, i) => i < symbolic.Length ? symbolic[i] ?? "" : "")]);
    }

    /// <summary>Whether a value of this type and shape may be fed here; otherwise what was expected.</summary>
    internal string? Mismatch(TensorElementType type, ReadOnlySpan<long> shape)
    {
        if (!IsTensor)
        {
            return null;
        }
        var ok = type == ElementType && shape.Length == Dimensions.Count;
        for (var i = 0; ok && i < shape.Length; i++)
        {
            ok = Dimensions[i] < 0 || Dimensions[i] == shape[i];
        }
        return ok ? null : $"expected {TypeText}, got {TensorElementTypes.Name(type)} [{string.Join(", ", shape.ToArray())}]";
    }
}
