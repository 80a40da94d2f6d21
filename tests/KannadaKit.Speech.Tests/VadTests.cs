using KannadaKit.Speech.Audio;
using KannadaKit.Speech.Vad;
using KannadaKit.Testing;
using KannadaKit.Testing.Onnx;
using KannadaKit.Testing.Speech;
using KannadaKit.Testing.Whisper;

namespace KannadaKit.Speech.Tests;

/// <summary>The real Silero VAD v5 and v6 files and the energy detector on recorded and spoken Kannada.</summary>
public class VadTests
{
    private const string Real = "speech/real/kannada_sample_1.wav";

    internal static (List<(long Start, long End)> Regions, List<SpeechWindow> Windows, List<float> Probabilities) Detect(IVoiceDetector d, float[] x, VadOptions? o = null)
    {
        var w = new SpeechWindower(o ?? new VadOptions(), d.FrameSamples);
        var windows = new List<SpeechWindow>();
        var probabilities = new List<float>();
        d.Reset();
        var frame = new float[d.FrameSamples];
        for (int i = 0; i < x.Length; i += d.FrameSamples)
        {
            Array.Clear(frame);
            x.AsSpan(i, Math.Min(d.FrameSamples, x.Length - i)).CopyTo(frame);
            float p = d.Process(frame);
            probabilities.Add(p);
            windows.AddRange(w.Push(p));
        }

        windows.AddRange(w.Finish(x.Length));
        return ([.. w.Regions], windows, probabilities);
    }

    private static float[] Read(string path)
    {
        using var source = MediaOpener.Open(path);
        return Signal.ReadAll(source);
    }

    private static float[] Spoken()
    {
        using var dir = new TempDirectory();
        return Read(SpeechRequirements.Speak("ನಮಸ್ಕಾರ, ಬೆಂಗಳೂರಿನಲ್ಲಿ ಇಂದು ಮಳೆ ಬರುವ ಸಾಧ್ಯತೆ ಇದೆ.", dir.File("s.wav")));
    }

    private static IVoiceDetector Detector(string name) => name == "energy" ? new EnergyVad() : SileroVad.Open(SpeechFixtures.Silero(name == "v5" ? 5 : 6));

    [NeedsTheory("silero", "shared:" + Real)]
    [InlineData(5)]
    [InlineData(6)]
    public void SileroFindsTheOneUtteranceOfTheRecording(int version)
    {
        // Before the speech is a decaying tone (0 dB falling to −37 dB by 1 s), after it room noise near −60 dB.
        using var vad = SileroVad.Open(SpeechFixtures.Silero(version));
        Assert.Equal($"silero v{version}", vad.Name);
        var (regions, windows, _) = Detect(vad, Read(SharedData.PathOf(Real)));
        var region = Assert.Single(regions);
        // The issue's figure: about 1.02–3.78 s, ±0.1 s (v5 gives 1.088–3.712, v6 1.024–3.776).
        Assert.InRange(region.Start / 16000.0, 0.92, 1.12);
        Assert.InRange(region.End / 16000.0, 3.68, 3.88);
        var window = Assert.Single(windows);
        Assert.Equal(region.Start - 480, window.Start); // padded by 30 ms each side
        Assert.Equal(region.End + 480, window.End);
    }

    [NeedsTheory("silero", "espeak-ng")]
    [InlineData("v5")]
    [InlineData("v6")]
    [InlineData("energy")]
    public void WindowsCoverEverySpokenSampleWithTheSilenceAroundLeftOut(string detector)
    {
        // The spoken sentence placed 2 s into 9 s of faint noise (−66 dB): every sample of the speech must be
        // inside a window and the windows must not reach far into the silence.
        var speech = Spoken();
        var rng = new Random(3);
        var x = new float[9 * 16000];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((rng.NextDouble() - 0.5) * 0.0017);
        }

        speech.CopyTo(x, 2 * 16000);
        int first = Array.FindIndex(x, v => Math.Abs(v) > 0.02f), last = Array.FindLastIndex(x, v => Math.Abs(v) > 0.02f);
        using var d = Detector(detector);
        var (_, windows, _) = Detect(d, x);
        Assert.NotEmpty(windows);
        for (int i = first; i <= last; i++)
        {
            if (Math.Abs(x[i]) > 0.02f)
            {
                Assert.True(windows.Any(w => w.Start <= i && i < w.End), $"{detector}: loud sample at {i / 16000.0:F3} s is in no window ({string.Join(", ", windows)})");
            }
        }

        Assert.InRange(windows[0].Start, first - 8000, first);
        Assert.InRange(windows[^1].End, last, last + 8000);
    }

    [NeedsTheory("silero")]
    [InlineData("v5")]
    [InlineData("v6")]
    [InlineData("energy")]
    public void SilenceAndFaintNoiseHaveNoWindows(string detector)
    {
        using var d = Detector(detector);
        Assert.Empty(Detect(d, new float[5 * 16000]).Windows);
        var rng = new Random(5);
        var noise = new float[5 * 16000];
        for (int i = 0; i < noise.Length; i++)
        {
            noise[i] = (float)((rng.NextDouble() - 0.5) * 0.003);
        }

        Assert.Empty(Detect(d, noise).Windows);
    }

    [NeedsFact("silero", "espeak-ng")]
    public void ResetStartsTheRecurrentStateAfresh()
    {
        var x = Spoken();
        using var vad = SileroVad.Open(SpeechFixtures.Silero(6));
        var a = Detect(vad, x).Probabilities;
        var b = Detect(vad, x).Probabilities;
        Assert.Equal(a, b);
        Assert.Contains(a, p => p > 0.9f);
        Assert.Contains(a, p => p < 0.1f);
    }

    [NeedsFact("silero")]
    public void AFrameOfTheWrongLengthIsRefused()
    {
        using var vad = SileroVad.Open(SpeechFixtures.Silero(5));
        Assert.Throws<ArgumentException>(() => vad.Process(new float[480]));
    }

    [Fact]
    public void AMissingVadModelNamesThePullCommand()
    {
        var e = Assert.Throws<MediaException>(() => SileroVad.Open("/nonexistent/silero_vad_v5.onnx"));
        Assert.Equal("/nonexistent/silero_vad_v5.onnx: VAD model not found (get it with: kannadakit models pull silero-vad)", e.Message);
    }

    [OnnxRuntimeFact]
    public void FilesThatAreNotSileroAreRefusedInOneLine()
    {
        using var dir = new TempDirectory();
        var random = new byte[4096];
        new Random(1).NextBytes(random);
        File.WriteAllBytes(dir.File("random.onnx"), random);
        Assert.StartsWith(dir.File("random.onnx") + ": not a loadable ONNX model", Assert.Throws<MediaException>(() => SileroVad.Open(dir.File("random.onnx"))).Message,
            StringComparison.Ordinal);

        File.WriteAllBytes(dir.File("encoder.onnx"), TinyModels.Encoder(TinyModels.Weights.Random(8, 1)));
        Assert.Equal(dir.File("encoder.onnx") + ": not a Silero VAD v5/v6 model (inputs input_ids, attention_mask; expected input, state, sr)",
            Assert.Throws<MediaException>(() => SileroVad.Open(dir.File("encoder.onnx"))).Message);

        string ggml = new TinyWhisperModel().WriteTo(dir.File("ggml.onnx"));
        Assert.StartsWith(ggml + ": not a loadable ONNX model", Assert.Throws<MediaException>(() => SileroVad.Open(ggml)).Message, StringComparison.Ordinal);
    }

    [OnnxRuntimeFact]
    public void TheRightNamesWithTheWrongShapesAreRefused()
    {
        // input, state and sr by name, but a state of 64 units: refused when it opens, not on the first frame.
        using var dir = new TempDirectory();
        var g = new OnnxGraph("not-silero");
        g.Input("input", KannadaKit.Onnx.TensorElementType.Float, 1L, 576L);
        g.Input("state", KannadaKit.Onnx.TensorElementType.Float, 2L, 1L, 64L);
        g.Input("sr", KannadaKit.Onnx.TensorElementType.Int64);
        g.OpNamed("output", "ReduceMean", ["input"]);
        g.OpNamed("stateN", "Identity", ["state"]);
        g.Output("output", KannadaKit.Onnx.TensorElementType.Float, 1L, 1L);
        g.Output("stateN", KannadaKit.Onnx.TensorElementType.Float, 2L, 1L, 64L);
        string path = OnnxModel.Save(g, dir.File("shape.onnx"));
        var e = Assert.Throws<MediaException>(() => SileroVad.Open(path));
        Assert.Equal(path + ": not a Silero VAD v5/v6 model: input 'state' is float32 [2, 1, 64]; expected input float32 [1, 576], state float32 [2, 1, 128], sr int64 []", e.Message);
    }
}
