using KannadaKit.Onnx;
using KannadaKit.Testing;
using KannadaKit.Testing.Onnx;

namespace KannadaKit.Onnx.Tests;

/// <summary>Sessions on generated models through the real ONNX Runtime: metadata, runs, symbolic shapes, errors.</summary>
public sealed class SessionTests
{
    private static OnnxRuntime Runtime => OnnxRuntimeForTests.Runtime;

    /// <summary>y = x·W + b with x [batch, 3] and W [3, 2]: the smallest model with symbolic and fixed dimensions.</summary>
    private static byte[] LinearModel()
    {
        var g = new OnnxGraph("linear");
        g.Input("x", TensorElementType.Float, "batch", 3L);
        var w = g.Initializer("W", OnnxTensor.Of(new float[] { 1, 2, 3, 4, 5, 6 }, 3, 2));
        var b = g.Initializer("b", OnnxTensor.Vector(0.5f, -1f));
        var xw = g.Op("MatMul", ["x", w]);
        g.OpNamed("y", "Add", [xw, b]);
        g.Output("y", TensorElementType.Float, "batch", 2L);
        return OnnxModel.ToBytes(g, metadata: new Dictionary<string, string> { ["purpose"] = "ಪರೀಕ್ಷೆ", ["dims"] = "3x2" });
    }

    [OnnxRuntimeFact]
    public void Runtime_ReportsVersionAndCpuProvider()
    {
        Assert.StartsWith("1.31.", Runtime.Version, StringComparison.Ordinal);
        Assert.Contains("CPUExecutionProvider", Runtime.AvailableProviders());
    }

    [OnnxRuntimeFact]
    public void Session_ReadsInputsOutputsAndMetadata()
    {
        using var session = Runtime.OpenSession(LinearModel());
        var x = Assert.Single(session.Inputs);
        Assert.Equal("x", x.Name);
        Assert.Equal(TensorElementType.Float, x.ElementType);
        Assert.Equal(new long[] { -1, 3 }, x.Dimensions);
        Assert.Equal(new[] { "batch", "" }, x.SymbolicDimensions);
        Assert.Equal("float32 [batch, 3]", x.TypeText);
        Assert.Equal("float32 [batch, 2]", Assert.Single(session.Outputs).TypeText);
        Assert.Equal("kannadakit-tests", session.Metadata.ProducerName);
        Assert.Equal("linear", session.Metadata.GraphName);
        Assert.Equal(1, session.Metadata.Version);
        Assert.Equal("ಪರೀಕ್ಷೆ", session.Metadata.Custom["purpose"]);
        Assert.Equal("3x2", session.Metadata.Custom["dims"]);
        Assert.Equal("CPU", session.Provider.Name);
    }

    [OnnxRuntimeFact]
    public void Session_RunsWithAnyBatchSizeOnTheSymbolicDimension()
    {
        using var session = Runtime.OpenSession(LinearModel());
        foreach (var batch in new[] { 1, 3 })
        {
            var data = Enumerable.Range(0, batch * 3).Select(i => (float)i).ToArray();
            using var x = OrtValue.FromArray(Runtime, data, batch, 3);
            using var outputs = session.Run([new("x", x)]);
            var y = outputs["y"];
            Assert.Equal(new long[] { batch, 2 }, y.Shape);
            var expected = new float[batch * 2];
            for (var r = 0; r < batch; r++)
            {
                // Row r of x is (3r, 3r+1, 3r+2); W's columns are (1,3,5) and (2,4,6).
                expected[r * 2] = (3 * r * 1) + ((3 * r + 1) * 3) + ((3 * r + 2) * 5) + 0.5f;
                expected[r * 2 + 1] = (3 * r * 2) + ((3 * r + 1) * 4) + ((3 * r + 2) * 6) - 1f;
            }
            Assert.Equal(expected, y.ToArray<float>());
        }
    }

    [OnnxRuntimeFact]
    public void CallerMemory_IsNotCopied()
    {
        using var session = Runtime.OpenSession(LinearModel());
        var data = new float[] { 1, 0, 0 };
        using var x = OrtValue.FromArray(Runtime, data, 1, 3);
        using (var first = session.Run([new("x", x)]))
        {
            Assert.Equal(new[] { 1.5f, 1f }, first["y"].ToArray<float>());
        }
        data[0] = 0;
        data[2] = 1;
        using var second = session.Run([new("x", x)]);
        Assert.Equal(new[] { 5.5f, 5f }, second["y"].ToArray<float>());
    }

    [OnnxRuntimeFact]
    public void WrongInputName_NamesTheInputsTheModelHas()
    {
        using var session = Runtime.OpenSession(LinearModel(), name: "linear.onnx");
        using var x = OrtValue.FromArray(Runtime, new float[3], 1, 3);
        var e = Assert.Throws<OnnxRuntimeException>(() => session.Run([new("input", x)]));
        Assert.Equal(OrtErrorCode.InvalidArgument, e.ErrorCode);
        Assert.Equal("linear.onnx: the model has no input 'input' (inputs: x)", e.Message);
    }

    [OnnxRuntimeFact]
    public void WrongShapeOrType_SaysWhatTheInputExpected()
    {
        using var session = Runtime.OpenSession(LinearModel(), name: "linear.onnx");
        using var wide = OrtValue.FromArray(Runtime, new float[4], 1, 4);
        var e = Assert.Throws<OnnxRuntimeException>(() => session.Run([new("x", wide)]));
        Assert.Equal(OrtErrorCode.InvalidArgument, e.ErrorCode);
        Assert.Equal("linear.onnx: input 'x': expected float32 [batch, 3], got float32 [1, 4]", e.Message);

        using var ints = OrtValue.FromArray(Runtime, new long[3], 1, 3);
        e = Assert.Throws<OnnxRuntimeException>(() => session.Run([new("x", ints)]));
        Assert.Equal("linear.onnx: input 'x': expected float32 [batch, 3], got int64 [1, 3]", e.Message);

        using var flat = OrtValue.FromArray(Runtime, new float[3], 3);
        e = Assert.Throws<OnnxRuntimeException>(() => session.Run([new("x", flat)]));
        Assert.Contains("expected float32 [batch, 3], got float32 [3]", e.Message, StringComparison.Ordinal);
    }

    [OnnxRuntimeFact]
    public void MissingInputAndUnknownOutput_AreNamed()
    {
        using var session = Runtime.OpenSession(LinearModel(), name: "linear.onnx");
        var e = Assert.Throws<OnnxRuntimeException>(() => session.Run([]));
        Assert.Equal("linear.onnx: input 'x' (float32 [batch, 3]) is missing", e.Message);
        using var x = OrtValue.FromArray(Runtime, new float[3], 1, 3);
        e = Assert.Throws<OnnxRuntimeException>(() => session.Run([new("x", x)], ["logits"]));
        Assert.Equal("linear.onnx: the model has no output 'logits' (outputs: y)", e.Message);
    }

    [OnnxRuntimeFact]
    public void MissingModelFile_IsANoSuchFileError()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => Runtime.OpenSession("no/such/model.onnx"));
        Assert.Equal(OrtErrorCode.NoSuchFile, e.ErrorCode);
        Assert.Equal("no/such/model.onnx: model file not found", e.Message);
    }

    [OnnxRuntimeFact]
    public void CorruptModelFile_NamesTheFile()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "broken.onnx");
        var bytes = LinearModel();
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<OnnxRuntimeException>(() => Runtime.OpenSession(path));
        Assert.Equal(OrtErrorCode.InvalidProtobuf, e.ErrorCode);
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);

        File.WriteAllText(path, "this is not a model");
        e = Assert.Throws<OnnxRuntimeException>(() => Runtime.OpenSession(path));
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
    }

    [OnnxRuntimeFact]
    public void ModelFromAFile_EqualsModelFromMemory()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "linear.onnx");
        File.WriteAllBytes(path, LinearModel());
        using var session = Runtime.OpenSession(path);
        Assert.Equal(path, session.Source);
        using var x = OrtValue.FromArray(Runtime, new float[] { 1, 1, 1 }, 1, 3);
        using var outputs = session.Run([new("x", x)]);
        Assert.Equal(new[] { 9.5f, 11f }, outputs["y"].ToArray<float>());
    }

    [OnnxRuntimeFact]
    public void ConcurrentRunsOnOneSession_GiveEachCallerItsOwnResult()
    {
        using var session = Runtime.OpenSession(LinearModel());
        Parallel.For(0, 64, i =>
        {
            using var x = OrtValue.FromArray(Runtime, new float[] { i, 0, 0 }, 1, 3);
            using var outputs = session.Run([new("x", x)]);
            Assert.Equal(new[] { i + 0.5f, (2 * i) - 1f }, outputs["y"].ToArray<float>());
        });
    }

    [OnnxRuntimeFact]
    public void A_cancelled_token_stops_the_run()
    {
        using var session = Runtime.OpenSession(LinearModel());
        using var x = OrtValue.FromArray(Runtime, new float[3], 1, 3);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => session.Run([new("x", x)], null, cts.Token));
    }

    [OnnxRuntimeFact]
    public void SessionOptions_AreAppliedAndValidated()
    {
        var options = new SessionOptions
        {
            IntraOpThreads = 1,
            InterOpThreads = 1,
            ParallelExecution = true,
            Optimization = GraphOptimizationLevel.Basic,
            MemoryPattern = false,
            ConfigEntries = new Dictionary<string, string> { ["session.intra_op.allow_spinning"] = "0" },
        };
        using var session = Runtime.OpenSession(LinearModel(), options);
        using var x = OrtValue.FromArray(Runtime, new float[] { 0, 1, 0 }, 1, 3);
        using var outputs = session.Run([new("x", x)]);
        Assert.Equal(new[] { 3.5f, 3f }, outputs["y"].ToArray<float>());
        var e = Assert.Throws<OnnxRuntimeException>(() => Runtime.OpenSession(LinearModel(), new SessionOptions { IntraOpThreads = -1 }));
        Assert.Equal(OrtErrorCode.InvalidArgument, e.ErrorCode);
        Assert.Equal("intra-op threads must be from 0 (ONNX Runtime's choice) to 1024 (got -1)", e.Message);
    }
}
