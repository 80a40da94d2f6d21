using KannadaKit.Onnx;
using KannadaKit.Testing;
using KannadaKit.Testing.Onnx;

namespace KannadaKit.Onnx.Tests;

/// <summary>
/// Use after Dispose is an ObjectDisposedException, never a trip into freed native memory (regression: the old
/// binding crashed the process with SIGSEGV on session.Dispose(); session.Run(...), and the package's own OrtValue
/// reads freed memory when used after Dispose).
/// </summary>
public sealed class DisposalTests
{
    private static byte[] NegateModel()
    {
        var g = new OnnxGraph();
        g.Input("x", TensorElementType.Float, "n");
        g.OpNamed("y", "Neg", ["x"]);
        g.Output("y", TensorElementType.Float, "n");
        return OnnxModel.ToBytes(g);
    }

    [OnnxRuntimeFact]
    public void A_disposed_session_throws_on_run_binding_and_native_access()
    {
        var runtime = OnnxRuntimeForTests.Runtime;
        var session = runtime.OpenSession(NegateModel());
        using var x = OrtValue.FromArray(runtime, new[] { 1f, 2f }, 2);
        using (var outputs = session.Run([new("x", x)]))
        {
            Assert.Equal(new[] { -1f, -2f }, outputs["y"].ToArray<float>());
        }
        session.Dispose();
        session.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Run([new("x", x)]));
        Assert.Throws<ObjectDisposedException>(() => session.CreateIoBinding());
        Assert.Throws<ObjectDisposedException>(() => session.Native);
    }

    [OnnxRuntimeFact]
    public void A_disposed_value_throws_when_read_or_fed()
    {
        var runtime = OnnxRuntimeForTests.Runtime;
        using var session = runtime.OpenSession(NegateModel());
        var x = OrtValue.FromArray(runtime, new[] { 3f }, 1);
        x.Dispose();
        x.Dispose();
        Assert.Throws<ObjectDisposedException>(() => x.ToArray<float>());
        Assert.Throws<ObjectDisposedException>(() => x.Bytes.Length);
        Assert.Throws<ObjectDisposedException>(() => session.Run([new("x", x)]));

        using var outputs = session.Run([new("x", OrtValue.FromArray(runtime, new[] { 3f }, 1))]);
        var y = outputs.Take("y");
        y.Dispose();
        Assert.Throws<ObjectDisposedException>(() => y.ToSingleArray());
    }

    [OnnxRuntimeFact]
    public void A_value_disposed_after_binding_is_caught_at_the_run()
    {
        var runtime = OnnxRuntimeForTests.Runtime;
        using var session = runtime.OpenSession(NegateModel());
        using var binding = session.CreateIoBinding();
        var x = OrtValue.FromArray(runtime, new[] { 5f }, 1);
        binding.BindInput("x", x);
        binding.BindOutputToCpu("y");
        x.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Run(binding));
        binding.Dispose();
        Assert.Throws<ObjectDisposedException>(() => binding.GetOutputs());
    }

    [OnnxRuntimeFact]
    public void A_disposed_runtime_opens_nothing_but_its_sessions_keep_working()
    {
        var runtime = OnnxRuntime.Load();
        using var session = runtime.OpenSession(NegateModel());
        runtime.Dispose();
        Assert.Throws<ObjectDisposedException>(() => runtime.OpenSession(NegateModel()));
        Assert.Throws<ObjectDisposedException>(() => OrtValue.FromArray(runtime, new[] { 1f }, 1));
        Assert.Throws<ObjectDisposedException>(() => runtime.AvailableProviders());
        using var x = OrtValue.FromArray(OnnxRuntimeForTests.Runtime, new[] { 7f }, 1);
        using var outputs = session.Run([new("x", x)]);
        Assert.Equal(new[] { -7f }, outputs["y"].ToArray<float>());
    }
}
