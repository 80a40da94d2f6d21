using KannadaKit.Onnx;
using KannadaKit.Testing;
using KannadaKit.Testing.Onnx;

namespace KannadaKit.Onnx.Tests;

public sealed class IoBindingTests
{
    private static OnnxRuntime Runtime => OnnxRuntimeForTests.Runtime;

    private static InferenceSession Scaler()
    {
        var g = new OnnxGraph();
        g.Input("x", TensorElementType.Float, "n");
        g.OpNamed("y", "Mul", ["x", g.Constant(OnnxTensor.Scalar(3f))]);
        g.OpNamed("z", "Neg", ["x"]);
        g.Output("y", TensorElementType.Float, "n");
        g.Output("z", TensorElementType.Float, "n");
        return Runtime.OpenSession(OnnxModel.ToBytes(g), name: "scaler.onnx");
    }

    [OnnxRuntimeFact]
    public void Outputs_BoundToCpuAreAllocatedByOrt()
    {
        using var session = Scaler();
        using var binding = session.CreateIoBinding();
        using var x = OrtValue.FromArray(Runtime, new[] { 1f, -2f }, 2);
        binding.BindInput("x", x);
        binding.BindOutputToCpu("z");
        binding.BindOutputToCpu("y");
        session.Run(binding);
        using var outputs = binding.GetOutputs();
        Assert.Equal(new[] { "z", "y" }, outputs.Names);
        Assert.Equal(new[] { -1f, 2f }, outputs["z"].ToArray<float>());
        Assert.Equal(new[] { 3f, -6f }, outputs["y"].ToArray<float>());
    }

    [OnnxRuntimeFact]
    public void PreallocatedOutputs_AreWrittenInPlaceAcrossRuns()
    {
        using var session = Scaler();
        using var binding = session.CreateIoBinding();
        var input = new[] { 1f, 2f, 3f };
        var output = new float[3];
        using var x = OrtValue.FromArray(Runtime, input, 3);
        using var y = OrtValue.FromArray(Runtime, output, 3);
        binding.BindInput("x", x);
        binding.BindOutput("y", y);
        session.Run(binding);
        Assert.Equal(new[] { 3f, 6f, 9f }, output);
        input[1] = 10;
        session.Run(binding);
        Assert.Equal(new[] { 3f, 30f, 9f }, output);
    }

    [OnnxRuntimeFact]
    public void Binding_ChecksNamesAndTypes()
    {
        using var session = Scaler();
        using var binding = session.CreateIoBinding();
        using var ints = OrtValue.FromArray(Runtime, new long[] { 1 }, 1);
        var e = Assert.Throws<OnnxRuntimeException>(() => binding.BindInput("x", ints));
        Assert.Equal("scaler.onnx: input 'x': expected float32 [n], got int64 [1]", e.Message);
        e = Assert.Throws<OnnxRuntimeException>(() => binding.BindOutputToCpu("logits"));
        Assert.Equal("scaler.onnx: the model has no output 'logits' (outputs: y, z)", e.Message);
    }
}
