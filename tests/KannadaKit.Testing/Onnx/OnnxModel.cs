namespace KannadaKit.Testing.Onnx;

/// <summary>Serializes a graph as an ONNX ModelProto, so tests build exactly the models they need.</summary>
public static class OnnxModel
{
    /// <summary>The default opset (17 has LayerNormalization).</summary>
    public const int DefaultOpset = 17;

    /// <summary>The model bytes: IR version 8, the default ONNX domain at <paramref name="opset"/>, optional metadata.</summary>
    public static byte[] ToBytes(OnnxGraph graph, int opset = DefaultOpset, IReadOnlyDictionary<string, string>? metadata = null,
        string producer = "kannadakit-tests", long modelVersion = 1, string docString = "")
    {
        ArgumentNullException.ThrowIfNull(graph);
        var w = new ProtoWriter();
        w.Varint(1, 8);
        w.String(2, producer);
        w.String(3, "1.0");
        w.String(4, "org.kannadakit.test");
        w.Varint(5, modelVersion);
        if (docString.Length > 0)
        {
            w.String(6, docString);
        }
        w.Message(7, graph.Write);
        w.Message(8, o =>
        {
            o.String(1, "");
            o.Varint(2, opset);
        });
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            w.Message(14, e =>
            {
                e.String(1, key);
                e.String(2, value);
            });
        }
        return w.ToArray();
    }

    /// <summary>Writes the model to a file and returns the path.</summary>
    public static string Save(OnnxGraph graph, string path, int opset = DefaultOpset, IReadOnlyDictionary<string, string>? metadata = null)
    {
        File.WriteAllBytes(path, ToBytes(graph, opset, metadata));
        return path;
    }
}
