using KannadaKit.Onnx;
using KannadaKit.Testing;
using KannadaKit.Testing.Onnx;

namespace KannadaKit.Onnx.Tests;

/// <summary>
/// The test model writer produces graphs ORT accepts and computes as ONNX specifies: each operator the generation
/// tests rely on is checked against values computed here by hand.
/// </summary>
public sealed class ModelWriterTests
{
    private static OnnxRuntime Runtime => OnnxRuntimeForTests.Runtime;

    private static float[] Run(OnnxGraph g, params (string Name, float[] Data, long[] Shape)[] inputs)
    {
        using var session = Runtime.OpenSession(OnnxModel.ToBytes(g));
        var values = inputs.Select(i => OrtValue.FromArray(Runtime, i.Data, i.Shape)).ToArray();
        try
        {
            using var outputs = session.Run(inputs.Select((i, k) => new KeyValuePair<string, OrtValue>(i.Name, values[k])).ToArray());
            return outputs[session.Outputs[0].Name].ToArray<float>();
        }
        finally
        {
            foreach (var v in values)
            {
                v.Dispose();
            }
        }
    }

    [OnnxRuntimeFact]
    public void GatherTransposeReshapeConcat_Run()
    {
        var g = new OnnxGraph();
        g.Input("ids", TensorElementType.Int64, 3L);
        var table = g.Initializer("table", OnnxTensor.Of(new float[] { 0, 1, 10, 11, 20, 21 }, 3, 2));
        var rows = g.Op("Gather", [table, "ids"]);                                   // [3, 2]
        var t = g.Op("Transpose", [rows], OnnxAttr.Ints("perm", 1, 0));             // [2, 3]
        var flat = g.Op("Reshape", [t, g.Constant(OnnxTensor.Vector(-1L))]);        // [6]
        g.OpNamed("y", "Concat", [flat, g.Constant(OnnxTensor.Vector(99f))], OnnxAttr.Int("axis", 0));
        g.Output("y", TensorElementType.Float, 7L);
        using var session = Runtime.OpenSession(OnnxModel.ToBytes(g));
        using var ids = OrtValue.FromArray(Runtime, new long[] { 2, 0, 1 }, 3);
        using var outputs = session.Run([new("ids", ids)]);
        Assert.Equal(new float[] { 20, 0, 10, 21, 1, 11, 99 }, outputs["y"].ToArray<float>());
    }

    [OnnxRuntimeFact]
    public void SoftmaxAndLayerNormalization_Run()
    {
        var g = new OnnxGraph();
        g.Input("x", TensorElementType.Float, 1L, 3L);
        var soft = g.Op("Softmax", ["x"], OnnxAttr.Int("axis", -1));
        var norm = g.Op("LayerNormalization", ["x", g.Constant(OnnxTensor.Vector(1f, 1f, 1f)), g.Constant(OnnxTensor.Vector(0f, 0f, 0f))],
            OnnxAttr.Float("epsilon", 0f));
        g.OpNamed("y", "Concat", [soft, norm], OnnxAttr.Int("axis", 1));
        g.Output("y", TensorElementType.Float, 1L, 6L);
        var y = Run(g, ("x", [1f, 2f, 3f], [1, 3]));
        var e = new[] { MathF.Exp(1), MathF.Exp(2), MathF.Exp(3) };
        var sum = e.Sum();
        var sd = MathF.Sqrt(2f / 3f);
        var expected = new[] { e[0] / sum, e[1] / sum, e[2] / sum, -1 / sd, 0, 1 / sd };
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(expected[i], y[i], 5);
        }
    }

    [OnnxRuntimeFact]
    public void Where_SelectsByCondition()
    {
        var g = new OnnxGraph();
        g.Input("a", TensorElementType.Float, 4L);
        var positive = g.Op("Greater", ["a", g.Constant(OnnxTensor.Scalar(0f))]);
        g.OpNamed("y", "Where", [positive, "a", g.Constant(OnnxTensor.Scalar(-100f))]);
        g.Output("y", TensorElementType.Float, 4L);
        Assert.Equal(new[] { 1f, -100f, 5f, -100f }, Run(g, ("a", [1f, -2f, 5f, 0f], [4])));
    }

    [OnnxRuntimeFact]
    public void If_RunsTheBranchItsConditionPicks()
    {
        // then: x + 1, else: x * 10; the branches see x from the outer scope, as optimum's merged decoders do.
        var thenBranch = new OnnxGraph("then");
        thenBranch.OpNamed("then_out", "Add", ["x", thenBranch.Constant(OnnxTensor.Scalar(1f))]);
        thenBranch.Output("then_out", TensorElementType.Float, "n");
        var elseBranch = new OnnxGraph("else");
        elseBranch.OpNamed("else_out", "Mul", ["x", elseBranch.Constant(OnnxTensor.Scalar(10f))]);
        elseBranch.Output("else_out", TensorElementType.Float, "n");

        var g = new OnnxGraph();
        g.Input("x", TensorElementType.Float, "n");
        g.Input("flag", TensorElementType.Bool, 1L);
        var scalar = g.Op("Squeeze", ["flag"]);
        g.Node("If", [scalar], ["y"], OnnxAttr.Graph("then_branch", thenBranch), OnnxAttr.Graph("else_branch", elseBranch));
        g.Output("y", TensorElementType.Float, "n");
        using var session = Runtime.OpenSession(OnnxModel.ToBytes(g));
        using var x = OrtValue.FromArray(Runtime, new[] { 1f, 2f }, 2);
        foreach (var (flag, expected) in new[] { (true, new[] { 2f, 3f }), (false, new[] { 10f, 20f }) })
        {
            using var f = OrtValue.FromArray(Runtime, new[] { flag }, 1);
            using var outputs = session.Run([new("x", x), new("flag", f)]);
            Assert.Equal(expected, outputs["y"].ToArray<float>());
        }
    }

    [OnnxRuntimeFact]
    public void MatMul_broadcasts_over_the_batch()
    {
        var g = new OnnxGraph();
        g.Input("x", TensorElementType.Float, "b", 1L, 2L);
        g.OpNamed("y", "MatMul", ["x", g.Constant(OnnxTensor.Of(new float[] { 1, 2, 3, 4 }, 2, 2))]);
        g.Output("y", TensorElementType.Float, "b", 1L, 2L);
        // Row (1, 0) gives W's first row (1, 2); row (1, 2) gives (1·1 + 2·3, 1·2 + 2·4) = (7, 10).
        Assert.Equal(new[] { 1f, 2f, 7f, 10f }, Run(g, ("x", [1f, 0f, 1f, 2f], [2, 1, 2])));
    }
}
