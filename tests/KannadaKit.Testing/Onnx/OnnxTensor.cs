using System.Runtime.InteropServices;
using KannadaKit.Onnx;

namespace KannadaKit.Testing.Onnx;

/// <summary>A constant tensor for initializers and attributes, stored as little-endian raw data.</summary>
public sealed class OnnxTensor
{
    private OnnxTensor(TensorElementType type, long[] dims, byte[] raw)
    {
        ElementType = type;
        Dims = dims;
        Raw = raw;
    }

    /// <summary>The element type.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>The shape.</summary>
    public IReadOnlyList<long> Dims { get; }

    internal byte[] Raw { get; }

    /// <summary>A tensor of the given values and shape.</summary>
    public static OnnxTensor Of<T>(T[] values, params long[] dims)
        where T : unmanaged
    {
        var count = dims.Aggregate(1L, (a, d) => a * d);
        if (count != values.Length)
        {
            throw new ArgumentException($"{values.Length} values for shape [{string.Join(", ", dims)}]");
        }
        return new OnnxTensor(TensorElementTypes.Of<T>(), dims, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
    }

    /// <summary>A rank-0 tensor.</summary>
    public static OnnxTensor Scalar<T>(T value)
        where T : unmanaged => Of([value]);

    /// <summary>A rank-1 tensor.</summary>
    public static OnnxTensor Vector<T>(params T[] values)
        where T : unmanaged => Of(values, values.Length);

    internal void Write(ProtoWriter w, string? name)
    {
        w.PackedVarints(1, Dims);
        w.Varint(2, (int)ElementType);
        if (name is not null)
        {
            w.String(8, name);
        }
        w.Bytes(9, Raw);
    }
}
