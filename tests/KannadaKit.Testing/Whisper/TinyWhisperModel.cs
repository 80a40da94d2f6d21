using System.Text;

namespace KannadaKit.Testing.Whisper;

/// <summary>
/// Writes a random-weight Whisper model in whisper.cpp's legacy ggml format, so tests run the real Whisper.net and
/// whisper.cpp path without downloadable weights. Layout and tensor names follow <c>whisper_model_load</c> in
/// whisper.cpp 1.8.5 (the build inside Whisper.net.Runtime 1.9.1); shapes are written in ggml order (reversed PyTorch).
/// </summary>
/// <remarks>
/// Pitfalls, each of which aborts the native process: ftype 0 (f32 convolutions assert in the encoder); a vocabulary
/// without the single-space token (blank suppression looks it up); exactly two decoder layers is read as distil-whisper.
/// The vocabulary is the 256 single bytes plus Kannada words and aksharas, so the noise the model emits is Kannada text.
/// </remarks>
public sealed class TinyWhisperModel
{
    /// <summary>The ggml magic, "ggml" as a little-endian uint32.</summary>
    public const uint Magic = 0x67676d6c;

    /// <summary>Text tokens before the special ones in a multilingual vocabulary (eot is this id).</summary>
    public const int TextTokens = 50257;

    /// <summary>Vocabulary size: 51865 is the 99-language layout (tiny … large-v2), 51866 the large-v3 one.</summary>
    public int VocabularySize { get; init; } = 51865;

    /// <summary>Model width on both sides.</summary>
    public int State { get; init; } = 64;

    /// <summary>Attention heads on both sides.</summary>
    public int Heads { get; init; } = 2;

    /// <summary>Encoder layers.</summary>
    public int AudioLayers { get; init; } = 1;

    /// <summary>Decoder layers (not 2: whisper.cpp takes that for distil-whisper).</summary>
    public int TextLayers { get; init; } = 1;

    /// <summary>Mel bins: 80, or 128 for the large-v3 layout.</summary>
    public int Mels { get; init; } = 80;

    /// <summary>Seed of the weights.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Standard deviation of the random matrices.</summary>
    public float Scale { get; init; } = 0.05f;

    /// <summary>Writes the model to <paramref name="path"/> and returns the path.</summary>
    public string WriteTo(string path)
    {
        if (TextLayers == 2)
        {
            throw new ArgumentException("two decoder layers make whisper.cpp treat the model as distil-whisper");
        }

        using var file = File.Create(path);
        using var w = new BinaryWriter(new BufferedStream(file, 1 << 16));
        var rng = new Random(Seed);
        const int audioCtx = 1500, textCtx = 448;
        w.Write(Magic);
        foreach (int v in new[] { VocabularySize, audioCtx, State, Heads, AudioLayers, textCtx, State, Heads, TextLayers, Mels, 1 })
        {
            w.Write(v);
        }

        WriteMelFilters(w);
        WriteVocabulary(w);

        Tensor(w, "encoder.positional_embedding", F32, [State, audioCtx], Sinusoids(audioCtx, State));
        Tensor(w, "encoder.conv1.weight", F16, [3, Mels, State], Random(rng, 3 * Mels * State));
        Tensor(w, "encoder.conv1.bias", F32, [1, State], Zeros(State));
        Tensor(w, "encoder.conv2.weight", F16, [3, State, State], Random(rng, 3 * State * State));
        Tensor(w, "encoder.conv2.bias", F32, [1, State], Zeros(State));
        Tensor(w, "encoder.ln_post.weight", F32, [State], Ones(State));
        Tensor(w, "encoder.ln_post.bias", F32, [State], Zeros(State));
        for (int i = 0; i < AudioLayers; i++)
        {
            Block(w, rng, $"encoder.blocks.{i}.", cross: false);
        }

        Tensor(w, "decoder.positional_embedding", F32, [State, textCtx], Random(rng, State * textCtx));
        Tensor(w, "decoder.token_embedding.weight", F16, [State, VocabularySize], Random(rng, State * VocabularySize));
        for (int i = 0; i < TextLayers; i++)
        {
            Block(w, rng, $"decoder.blocks.{i}.", cross: true);
        }

        Tensor(w, "decoder.ln.weight", F32, [State], Ones(State));
        Tensor(w, "decoder.ln.bias", F32, [State], Zeros(State));
        return path;
    }

    private const int F32 = 0;
    private const int F16 = 1;

    private void Block(BinaryWriter w, Random rng, string p, bool cross)
    {
        int n = State;
        Tensor(w, p + "mlp_ln.weight", F32, [n], Ones(n));
        Tensor(w, p + "mlp_ln.bias", F32, [n], Zeros(n));
        Tensor(w, p + "mlp.0.weight", F16, [n, 4 * n], Random(rng, 4 * n * n));
        Tensor(w, p + "mlp.0.bias", F32, [4 * n], Zeros(4 * n));
        Tensor(w, p + "mlp.2.weight", F16, [4 * n, n], Random(rng, 4 * n * n));
        Tensor(w, p + "mlp.2.bias", F32, [n], Zeros(n));
        Attention(w, rng, p + "attn_ln", p + "attn.");
        if (cross)
        {
            Attention(w, rng, p + "cross_attn_ln", p + "cross_attn.");
        }
    }

    private void Attention(BinaryWriter w, Random rng, string ln, string p)
    {
        int n = State;
        Tensor(w, ln + ".weight", F32, [n], Ones(n));
        Tensor(w, ln + ".bias", F32, [n], Zeros(n));
        Tensor(w, p + "query.weight", F16, [n, n], Random(rng, n * n));
        Tensor(w, p + "query.bias", F32, [n], Zeros(n));
        Tensor(w, p + "key.weight", F16, [n, n], Random(rng, n * n));
        Tensor(w, p + "value.weight", F16, [n, n], Random(rng, n * n));
        Tensor(w, p + "value.bias", F32, [n], Zeros(n));
        Tensor(w, p + "out.weight", F16, [n, n], Random(rng, n * n));
        Tensor(w, p + "out.bias", F32, [n], Zeros(n));
    }

    private static void Tensor(BinaryWriter w, string name, int type, int[] ne, float[] data)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        w.Write(ne.Length);
        w.Write(nameBytes.Length);
        w.Write(type);
        foreach (int d in ne)
        {
            w.Write(d);
        }

        w.Write(nameBytes);
        foreach (float v in data)
        {
            if (type == F16)
            {
                w.Write(BitConverter.HalfToUInt16Bits((Half)v));
            }
            else
            {
                w.Write(v);
            }
        }
    }

    /// <summary>Slaney mel filters as Whisper's (librosa) for n_fft 400 at 16 kHz, rows of 201 bins.</summary>
    private void WriteMelFilters(BinaryWriter w)
    {
        const int bins = 201;
        w.Write(Mels);
        w.Write(bins);
        static double HzToMel(double f) => f < 1000 ? f / (200.0 / 3) : 15 + Math.Log(f / 1000) / (Math.Log(6.4) / 27);
        static double MelToHz(double m) => m < 15 ? m * (200.0 / 3) : 1000 * Math.Exp((m - 15) * (Math.Log(6.4) / 27));
        var points = new double[Mels + 2];
        double top = HzToMel(8000);
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = MelToHz(top * i / (Mels + 1));
        }

        for (int m = 0; m < Mels; m++)
        {
            double lo = points[m], mid = points[m + 1], hi = points[m + 2], norm = 2 / (hi - lo);
            for (int k = 0; k < bins; k++)
            {
                double f = k * 16000.0 / 400;
                double v = Math.Max(0, Math.Min((f - lo) / (mid - lo), (hi - f) / (hi - mid)));
                w.Write((float)(v * norm));
            }
        }
    }

    private static void WriteVocabulary(BinaryWriter w)
    {
        var tokens = Vocabulary();
        w.Write(tokens.Count);
        foreach (var t in tokens)
        {
            w.Write(t.Length);
            w.Write(t);
        }
    }

    /// <summary>The 256 single bytes, then Kannada words (with and without a leading space) and aksharas, cycled to fill the text ids.</summary>
    internal static List<byte[]> Vocabulary()
    {
        var list = new List<byte[]>(TextTokens);
        for (int b = 0; b < 256; b++)
        {
            list.Add([(byte)b]);
        }

        string[] words =
        [
            "ಕನ್ನಡ", "ಕರ್ನಾಟಕ", "ಬೆಂಗಳೂರು", "ರಾಜಧಾನಿ", "ಮಳೆ", "ಇಂದು", "ನಾವು", "ಮಾತನಾಡುತ್ತೇವೆ", "ಸಾಧ್ಯತೆ", "ಇದೆ",
            "ನಮಸ್ಕಾರ", "ಯಾವುದು", "ರಾಜ್ಯದ", "ಆಗಿದೆ", "ಮನೆ", "ಶಾಲೆ", "ಹುಡುಗ", "ಸರ್ಕಾರ", "ಕ್ಷೇತ್ರ", "ಸ್ತ್ರೀ",
            "ವಿಜ್ಞಾನ", "ಪುಸ್ತಕ", "ಊರು", "ನೀರು", "ಹೊಸ", "ಹಳೆಯ", "ಸುದ್ದಿ", "ಚಿತ್ರ", "ಹಾಡು", "ಕಥೆ",
        ];
        string[] marks = [".", ",", "?", "!"];
        int i = 0;
        while (list.Count < TextTokens)
        {
            string word = words[i % words.Length];
            string piece = (i / words.Length % 4) switch
            {
                0 => " " + word,
                1 => word,
                2 => " " + word + marks[i % marks.Length],
                _ => word[..Math.Min(2, word.Length)],
            };
            list.Add(Encoding.UTF8.GetBytes(piece));
            i++;
        }

        return list;
    }

    private float[] Random(Random rng, int n)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++)
        {
            // Box-Muller: normal weights keep activations in range through the layer norms.
            double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
            a[i] = (float)(Scale * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return a;
    }

    private static float[] Zeros(int n) => new float[n];

    private static float[] Ones(int n)
    {
        var a = new float[n];
        Array.Fill(a, 1f);
        return a;
    }

    private static float[] Sinusoids(int length, int channels)
    {
        var a = new float[length * channels];
        int half = channels / 2;
        double step = Math.Log(10000) / (half - 1);
        for (int t = 0; t < length; t++)
        {
            for (int c = 0; c < half; c++)
            {
                double x = t * Math.Exp(-step * c);
                a[(t * channels) + c] = (float)Math.Sin(x);
                a[(t * channels) + half + c] = (float)Math.Cos(x);
            }
        }

        return a;
    }
}
