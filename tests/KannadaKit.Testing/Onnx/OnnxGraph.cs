using KannadaKit.Onnx;

namespace KannadaKit.Testing.Onnx;

/// <summary>
/// A graph under construction: inputs and outputs with symbolic or fixed dimensions, initializers, and nodes from
/// any ONNX operator. Dimensions are given as <c>long</c> (fixed) or <c>string</c> (symbolic, e.g. "batch").
/// </summary>
public sealed class OnnxGraph
{
    private readonly List<(string Name, TensorElementType Type, object[]? Dims)> _inputs = [];
    private readonly List<(string Name, TensorElementType Type, object[]? Dims)> _outputs = [];
    private readonly List<(string Name, OnnxTensor Tensor)> _initializers = [];
    private readonly List<(string Op, string[] Inputs, string[] Outputs, OnnxAttr[] Attributes, string Domain)> _nodes = [];
    private int _nextName;

    /// <summary>Creates an empty graph.</summary>
    public OnnxGraph(string name = "graph") => Name = name;

    /// <summary>The graph name.</summary>
    public string Name { get; }

    /// <summary>Declares a graph input; returns its name.</summary>
    public string Input(string name, TensorElementType type, params object[] dims)
    {
        _inputs.Add((name, type, dims));
        return name;
    }

    /// <summary>Declares a graph output (an existing value name); a null <paramref name="dims"/> leaves the shape unset.</summary>
    public string Output(string name, TensorElementType type, params object[]? dims)
    {
        _outputs.Add((name, type, dims));
        return name;
    }

    /// <summary>Adds a constant initializer; returns its name.</summary>
    public string Initializer(string name, OnnxTensor tensor)
    {
        _initializers.Add((name, tensor));
        return name;
    }

    /// <summary>Adds a constant under a fresh name.</summary>
    public string Constant(OnnxTensor tensor) => Initializer(Fresh("const"), tensor);

    /// <summary>Adds a node with named outputs.</summary>
    public void Node(string op, string[] inputs, string[] outputs, params OnnxAttr[] attributes) =>
        _nodes.Add((op, inputs, outputs, attributes, ""));

    /// <summary>Adds a single-output node and returns its (fresh, or given) output name.</summary>
    public string Op(string op, string[] inputs, params OnnxAttr[] attributes) => OpNamed(Fresh(op), op, inputs, attributes);

    /// <summary>Adds a single-output node whose output has the given name.</summary>
    public string OpNamed(string output, string op, string[] inputs, params OnnxAttr[] attributes)
    {
        Node(op, inputs, [output], attributes);
        return output;
    }

    private string Fresh(string prefix) => $"{prefix}_{_nextName++}";

    internal void Write(ProtoWriter w)
    {
        var index = 0;
        foreach (var (op, inputs, outputs, attributes, domain) in _nodes)
        {
            var nodeName = $"{op}_{index++}";
            w.Message(1, n =>
            {
                foreach (var i in inputs)
                {
                    n.String(1, i);
                }
                foreach (var o in outputs)
                {
                    n.String(2, o);
                }
                n.String(3, nodeName);
                n.String(4, op);
                foreach (var a in attributes)
                {
                    n.Message(5, a.Write);
                }
                if (domain.Length > 0)
                {
                    n.String(7, domain);
                }
            });
        }
        w.String(2, Name);
        foreach (var (name, tensor) in _initializers)
        {
            w.Message(5, t => tensor.Write(t, name));
        }
        foreach (var input in _inputs)
        {
            w.Message(11, v => WriteValueInfo(v, input));
        }
        foreach (var output in _outputs)
        {
            w.Message(12, v => WriteValueInfo(v, output));
        }
    }

    private static void WriteValueInfo(ProtoWriter w, (string Name, TensorElementType Type, object[]? Dims) value)
    {
        w.String(1, value.Name);
        w.Message(2, type => type.Message(1, tensor =>
        {
            tensor.Varint(1, (int)value.Type);
            if (value.Dims is null)
            {
                return;
            }
            tensor.Message(2, shape =>
            {
                foreach (var d in value.Dims)
                {
                    shape.Message(1, dim =>
                    {
                        switch (d)
                        {
                            case string symbol:
                                dim.String(2, symbol);
                                break;
                            case int i:
                                dim.Varint(1, i);
                                break;
                            case long l:
                                dim.Varint(1, l);
                                break;
                            default:
                                throw new ArgumentException($"dimension {d} must be a long or a string");
                        }
                    });
                }
            });
        }));
    }
}
