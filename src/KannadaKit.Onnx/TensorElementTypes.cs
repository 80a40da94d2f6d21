namespace KannadaKit.Onnx;

/// <summary>The CLR element types the binding maps to ONNX types, their sizes and their ONNX names.</summary>
public static class TensorElementTypes
{
    /// <summary>The ONNX element type for a CLR element type.</summary>
    /// <exception cref="NotSupportedException">For types ORT tensors cannot hold through KannadaKit.Onnx.</exception>
    public static TensorElementType Of<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(float)) { return TensorElementType.Float; }
        if (typeof(T) == typeof(Half)) { return TensorElementType.Float16; }
        if (typeof(T) == typeof(BFloat16)) { return TensorElementType.BFloat16; }
        if (typeof(T) == typeof(double)) { return TensorElementType.Double; }
        if (typeof(T) == typeof(long)) { return TensorElementType.Int64; }
        if (typeof(T) == typeof(int)) { return TensorElementType.Int32; }
        if (typeof(T) == typeof(short)) { return TensorElementType.Int16; }
        if (typeof(T) == typeof(sbyte)) { return TensorElementType.Int8; }
        if (typeof(T) == typeof(byte)) { return TensorElementType.UInt8; }
        if (typeof(T) == typeof(ushort)) { return TensorElementType.UInt16; }
        if (typeof(T) == typeof(uint)) { return TensorElementType.UInt32; }
        if (typeof(T) == typeof(ulong)) { return TensorElementType.UInt64; }
        if (typeof(T) == typeof(bool)) { return TensorElementType.Bool; }
        throw new NotSupportedException($"{typeof(T).Name} is not an ONNX tensor element type KannadaKit.Onnx supports");
    }

    /// <summary>Bytes per element (0 for strings and undefined).</summary>
    public static int SizeOf(TensorElementType type) => type switch
    {
        TensorElementType.Float or TensorElementType.Int32 or TensorElementType.UInt32 => 4,
        TensorElementType.Double or TensorElementType.Int64 or TensorElementType.UInt64 or TensorElementType.Complex64 => 8,
        TensorElementType.Complex128 => 16,
        TensorElementType.Float16 or TensorElementType.BFloat16 or TensorElementType.Int16 or TensorElementType.UInt16 => 2,
        TensorElementType.Int8 or TensorElementType.UInt8 or TensorElementType.Bool => 1,
        _ => 0,
    };

    /// <summary>The ONNX spelling used in messages and by <c>onnx info</c> (float32, int64, bool…).</summary>
    public static string Name(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Float16 => "float16",
        TensorElementType.BFloat16 => "bfloat16",
        TensorElementType.Double => "float64",
        TensorElementType.Undefined => "undefined",
        _ => type.ToString().ToLowerInvariant(),
    };
}
