using KannadaKit.Onnx;

namespace KannadaKit.Speech.Vad;

/// <summary>
/// Silero VAD v5/v6 on ONNX Runtime: 512 new samples per call with the previous call's last 64 in front (without that
/// context the v6 model returns about 0.002 on speech), and the recurrent state carried between calls.
/// </summary>
/// <remarks>The layout is checked when the model opens: inputs <c>input</c> f32 [1, 576], <c>state</c> f32 [2, 1, 128],
/// <c>sr</c> int64; outputs <c>output</c> and <c>stateN</c> (the files npm @ricky0123/vad-web ships).</remarks>
public sealed class SileroVad : IVoiceDetector
{
    private const int Context = 64;
    private const int Frame = 512;
    private readonly OnnxRuntime _runtime;
    private readonly InferenceSession _session;
    private readonly float[] _input = new float[Context + Frame];
    private readonly float[] _state = new float[2 * 128];
    private readonly long[] _rate = [16000];

    private SileroVad(OnnxRuntime runtime, InferenceSession session, string name)
    {
        _runtime = runtime;
        _session = session;
        Name = name;
    }

    /// <inheritdoc />
    public int FrameSamples => Frame;

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Opens a Silero VAD ONNX file (one intra-op thread: frames are tiny and sequential).</summary>
    /// <exception cref="MediaException">The file is missing or is not a Silero VAD model of the supported layout.</exception>
    public static SileroVad Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new MediaException($"{path}: VAD model not found (get it with: kannadakit models pull silero-vad)");
        }

        var runtime = OnnxRuntime.Load();
        InferenceSession session;
        try
        {
            session = runtime.OpenSession(path, new SessionOptions { IntraOpThreads = 1, InterOpThreads = 1 });
        }
        catch (OnnxRuntimeException e)
        {
            throw new MediaException($"{path}: not a loadable ONNX model ({e.Message})", e);
        }

        string[] inputs = ["input", "state", "sr"];
        string[] outputs = ["output", "stateN"];
        if (!inputs.All(session.HasInput) || !outputs.All(session.HasOutput))
        {
            string have = string.Join(", ", session.Inputs.Select(i => i.Name));
            session.Dispose();
            throw new MediaException($"{path}: not a Silero VAD v5/v6 model (inputs {have}; expected input, state, sr)");
        }

        // Names alone are not enough: a wrong shape would only fail on the first frame, deep in a job.
        static bool Fits(NodeInfo n, TensorElementType type, params long[] dims) => n.IsTensor && n.ElementType == type
            && n.Dimensions.Count == dims.Length && n.Dimensions.Zip(dims).All(d => d.First < 0 || d.First == d.Second);
        var bad = new[] { session.Input("input"), session.Input("state"), session.Input("sr") }.FirstOrDefault(n => !(n.Name switch
        {
            "input" => Fits(n, TensorElementType.Float, 1, Context + Frame),
            "state" => Fits(n, TensorElementType.Float, 2, 1, 128),
            _ => Fits(n, TensorElementType.Int64),
        }));
        if (bad is not null)
        {
            session.Dispose();
            throw new MediaException($"{path}: not a Silero VAD v5/v6 model: input '{bad.Name}' is {bad.TypeText}; expected input float32 [1, 576], state float32 [2, 1, 128], sr int64 []");
        }

        string name = Path.GetFileNameWithoutExtension(path).Replace("silero_vad_", "silero ", StringComparison.Ordinal);
        return new SileroVad(runtime, session, name);
    }

    /// <inheritdoc />
    public float Process(ReadOnlySpan<float> frame)
    {
        if (frame.Length != Frame)
        {
            throw new ArgumentException($"expected {Frame} samples, got {frame.Length}", nameof(frame));
        }

        // The window is the last 64 samples of the previous call followed by the new 512.
        _input.AsSpan(Frame, Context).CopyTo(_input);
        frame.CopyTo(_input.AsSpan(Context));
        using var input = OrtValue.FromArray(_runtime, _input, 1, Context + Frame);
        using var state = OrtValue.FromArray(_runtime, _state, 2, 1, 128);
        using var sr = OrtValue.FromArray(_runtime, _rate); // a scalar: shape []
        try
        {
            using var results = _session.Run([new("input", input), new("state", state), new("sr", sr)]);
            results["stateN"].CopyToSingle(_state);
            return results["output"].GetData<float>()[0];
        }
        catch (OnnxRuntimeException e)
        {
            throw new MediaException($"{_session.Source}: the VAD model failed on a frame: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_input);
        Array.Clear(_state);
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
