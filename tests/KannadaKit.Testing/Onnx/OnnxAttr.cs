namespace KannadaKit.Testing.Onnx;

#pragma warning disable CA1720 // Factory names are ONNX's attribute types (INT, FLOAT, STRING).

/// <summary>A node attribute (AttributeProto).</summary>
public sealed class OnnxAttr
{
    private readonly Action<ProtoWriter> _write;

    private OnnxAttr(string name, Action<ProtoWriter> write)
    {
        Name = name;
        _write = write;
    }

    /// <summary>The attribute name.</summary>
    public string Name { get; }

    // AttributeType: FLOAT 1, INT 2, STRING 3, TENSOR 4, GRAPH 5, FLOATS 6, INTS 7.

    /// <summary>An int attribute.</summary>
    public static OnnxAttr Int(string name, long value) => new(name, w => { w.Varint(20, 2); w.Varint(3, value); });

    /// <summary>A float attribute.</summary>
    public static OnnxAttr Float(string name, float value) => new(name, w => { w.Varint(20, 1); w.Float(2, value); });

    /// <summary>A string attribute.</summary>
    public static OnnxAttr String(string name, string value) => new(name, w => { w.Varint(20, 3); w.String(4, value); });

    /// <summary>An ints attribute.</summary>
    public static OnnxAttr Ints(string name, params long[] values) => new(name, w =>
    {
        w.Varint(20, 7);
        foreach (var v in values)
        {
            w.Varint(8, v);
        }
    });

    /// <summary>A floats attribute.</summary>
    public static OnnxAttr Floats(string name, params float[] values) => new(name, w =>
    {
        w.Varint(20, 6);
        foreach (var v in values)
        {
            w.Float(7, v);
        }
    });

    /// <summary>A tensor attribute (e.g. Constant's value).</summary>
    public static OnnxAttr Tensor(string name, OnnxTensor value) =>
        new(name, w => { w.Varint(20, 4); w.Message(5, t => value.Write(t, null)); });

    /// <summary>A subgraph attribute (If's then_branch / else_branch).</summary>
    public static OnnxAttr Graph(string name, OnnxGraph value) =>
        new(name, w => { w.Varint(20, 5); w.Message(6, g => value.Write(g)); });

    internal void Write(ProtoWriter w)
    {
        w.String(1, Name);
        _write(w);
    }
}
