using KannadaKit.Onnx;
using KannadaKit.Testing;
using KannadaKit.Testing.Onnx;

namespace KannadaKit.Onnx.Tests;

/// <summary>Every supported element type round-trips through ORT with computed (not just copied) values.</summary>
public sealed class TensorTests
{
    private static OnnxRuntime Runtime => OnnxRuntimeForTests.Runtime;

    /// <summary>y = Cast&lt;T&gt;(Cast&lt;float&gt;(x) * 2 + 1), and a copy of x, on [rows, "n"].</summary>
    private static InferenceSession DoubleAndIncrement(TensorElementType type)
    {
        var g = new OnnxGraph();
        g.Input("x", type, 2L, "n");
        var f = g.Op("Cast", ["x"], OnnxAttr.Int("to", (int)TensorElementType.Float));
        var doubled = g.Op("Mul", [f, g.Constant(OnnxTensor.Scalar(2f))]);
        var plusOne = g.Op("Add", [doubled, g.Constant(OnnxTensor.Scalar(1f))]);
        g.OpNamed("y", "Cast", [plusOne], OnnxAttr.Int("to", (int)type));
        g.OpNamed("copy", "Identity", ["x"]);
        g.Output("y", type, 2L, "n");
        g.Output("copy", type, 2L, "n");
        return Runtime.OpenSession(OnnxModel.ToBytes(g));
    }

    private static void Check<T>(T[] input, T[] expected)
        where T : unmanaged
    {
        var type = TensorElementTypes.Of<T>();
        using var session = DoubleAndIncrement(type);
        Assert.Equal(type, session.Inputs[0].ElementType);
        using var x = OrtValue.FromArray(Runtime, input, 2, input.Length / 2);
        using var outputs = session.Run([new("x", x)]);
        Assert.Equal(type, outputs["y"].ElementType);
        Assert.Equal(new long[] { 2, input.Length / 2 }, outputs["y"].Shape);
        Assert.Equal(expected, outputs["y"].ToArray<T>());
        Assert.Equal(input, outputs["copy"].ToArray<T>());
    }

    [OnnxRuntimeFact]
    public void Computes_Float32() => Check(new[] { 0f, 1.5f, -2f, 3.25f }, new[] { 1f, 4f, -3f, 7.5f });

    [OnnxRuntimeFact]
    public void Computes_Float16() => Check(
        new[] { (Half)0, (Half)1.5f, (Half)(-2f), (Half)3.25f },
        new[] { (Half)1, (Half)4f, (Half)(-3f), (Half)7.5f });

    [OnnxRuntimeFact]
    public void Computes_BFloat16Values() => Check(
        new[] { (BFloat16)0f, (BFloat16)1.5f, (BFloat16)(-2f), (BFloat16)3.25f },
        new[] { (BFloat16)1f, (BFloat16)4f, (BFloat16)(-3f), (BFloat16)7.5f });

    [OnnxRuntimeFact]
    public void Computes_Int64() => Check(new[] { 0L, 7L, -5L, 1_000_000L }, new[] { 1L, 15L, -9L, 2_000_001L });

    [OnnxRuntimeFact]
    public void Computes_Int32() => Check(new[] { 0, 7, -5, 1_000_000 }, new[] { 1, 15, -9, 2_000_001 });

    [OnnxRuntimeFact]
    public void Computes_Int8() => Check(new sbyte[] { 0, 7, -5, 60 }, new sbyte[] { 1, 15, -9, 121 });

    [OnnxRuntimeFact]
    public void Computes_UInt8() => Check(new byte[] { 0, 7, 5, 100 }, new byte[] { 1, 15, 11, 201 });

    [OnnxRuntimeFact]
    public void Computes_Bool()
    {
        var g = new OnnxGraph();
        g.Input("x", TensorElementType.Bool, "n");
        g.OpNamed("y", "Not", ["x"]);
        g.Output("y", TensorElementType.Bool, "n");
        using var session = Runtime.OpenSession(OnnxModel.ToBytes(g));
        using var x = OrtValue.FromArray(Runtime, new[] { true, false, false }, 3);
        using var outputs = session.Run([new("x", x)]);
        Assert.Equal(new[] { false, true, true }, outputs["y"].ToArray<bool>());
    }

    [OnnxRuntimeFact]
    public void HalfPrecisionOutputs_WidenToFloat()
    {
        using var session = DoubleAndIncrement(TensorElementType.Float16);
        using var x = OrtValue.FromArray(Runtime, new[] { (Half)0.5f, (Half)2f }, 2, 1);
        using var outputs = session.Run([new("x", x)]);
        Assert.Equal(new[] { 2f, 5f }, outputs["y"].ToSingleArray());
    }

    [Fact]
    public void BFloat16_rounds_to_nearest_even()
    {
        Assert.Equal(1f, ((BFloat16)1f).ToSingle());
        // 1 + 2^-8 lies exactly between 1 and 1 + 2^-7: ties go to the even mantissa (1).
        Assert.Equal(1f, ((BFloat16)(1f + (1f / 256))).ToSingle());
        // 1 + 3·2^-8 lies between 1 + 2^-7 and 1 + 2^-6: ties go to 1 + 2^-6.
        Assert.Equal(1f + (1f / 64), ((BFloat16)(1f + (3f / 256))).ToSingle());
        Assert.True(float.IsNaN(((BFloat16)float.NaN).ToSingle()));
        Assert.Equal(float.NegativeInfinity, ((BFloat16)float.NegativeInfinity).ToSingle());
    }

    [OnnxRuntimeFact]
    public void ZeroLengthTensors_Run()
    {
        // The shape of an empty KV cache: [batch, heads, 0, head_dim], concatenated with one new step.
        var g = new OnnxGraph();
        g.Input("past", TensorElementType.Float, "batch", 2L, "past", 4L);
        g.Input("step", TensorElementType.Float, "batch", 2L, 1L, 4L);
        g.OpNamed("present", "Concat", ["past", "step"], OnnxAttr.Int("axis", 2));
        g.Output("present", TensorElementType.Float, "batch", 2L, "total", 4L);
        using var session = Runtime.OpenSession(OnnxModel.ToBytes(g));
        using var past = OrtValue.FromArray(Runtime, Array.Empty<float>(), 1, 2, 0, 4);
        Assert.Equal(0, past.ElementCount);
        var step = Enumerable.Range(0, 8).Select(i => (float)i).ToArray();
        using var stepValue = OrtValue.FromArray(Runtime, step, 1, 2, 1, 4);
        using var outputs = session.Run([new("past", past), new("step", stepValue)]);
        Assert.Equal(new long[] { 1, 2, 1, 4 }, outputs["present"].Shape);
        Assert.Equal(step, outputs["present"].ToArray<float>());
    }

    [OnnxRuntimeFact]
    public void Shape_MustMatchTheData()
    {
        var e = Assert.Throws<ArgumentException>(() => OrtValue.FromArray(Runtime, new float[5], 2, 3));
        Assert.StartsWith("shape [2, 3] holds 6 elements but the data has 5", e.Message, StringComparison.Ordinal);
        using var value = OrtValue.FromArray(Runtime, new long[2], 2);
        Assert.Throws<InvalidOperationException>(() => value.GetData<float>().ToArray());
    }

    [OnnxRuntimeFact]
    public void AllocatedTensors_StartAtZeroAndAreWritable()
    {
        using var value = OrtValue.Allocate(Runtime, TensorElementType.Int64, [2, 3]);
        Assert.All(value.ToArray<long>(), v => Assert.Equal(0, v));
        value.GetMutableData<long>()[4] = 42;
        Assert.Equal(42, value.GetData<long>()[4]);
        Assert.Equal("int64 [2, 3]", value.ToString());
    }
}
