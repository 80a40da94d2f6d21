using System.Buffers.Binary;
using System.Text;

namespace KannadaKit.Speech.Recognition;

/// <summary>
/// Reads and checks a ggml Whisper model file before whisper.cpp sees it: a wrong or damaged file would otherwise
/// abort the process in native code, which .NET cannot catch. Checks the magic, the hyper-parameters, the mel filters,
/// the vocabulary (with the single-space token blank suppression looks up), and every tensor header, that each
/// tensor's data fits the file exactly and that every tensor the model's layers need is present. Reads headers only
/// (it seeks over the weights), so a 3 GB model is checked in milliseconds.
/// </summary>
public static class GgmlModelFile
{
    private const uint Magic = 0x67676d6c;

    private static readonly HashSet<int> KnownWeightTypes = [1, 2, 3, 7, 8, 9, 10, 11, 12, 13, 14];

    /// <summary>Checks <paramref name="path"/> and returns what it declares.</summary>
    /// <exception cref="MediaException">Missing, not ggml, a setting whisper.cpp cannot run, truncated or incomplete.</exception>
    public static GgmlModelInfo Check(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new MediaException($"{path}: model file not found (see: kannadakit models list)");
        }

        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var r = new Reader(f, path);
        uint magic = r.UInt32("magic");
        if (magic != Magic)
        {
            string hint = magic == 0x46554747 ? " (this is a GGUF file; Whisper models use whisper.cpp's ggml format)"
                : magic is 0x04034b50 ? " (a zip or PyTorch checkpoint: convert it with whisper.cpp's models/convert-pt-to-ggml.py)"
                : "";
            throw new MediaException($"{path}: not a ggml Whisper model: expected magic 'ggml' at byte 0{hint}");
        }

        int vocab = r.Int32("n_vocab", 1000, 1 << 20);
        int audioCtx = r.Int32("n_audio_ctx", 1, 1500);
        int audioState = r.Int32("n_audio_state", 1, 1 << 14);
        int audioHeads = r.Int32("n_audio_head", 1, 256);
        int audioLayers = r.Int32("n_audio_layer", 1, 256);
        int textCtx = r.Int32("n_text_ctx", 1, 448);
        int textState = r.Int32("n_text_state", 1, 1 << 14);
        int textHeads = r.Int32("n_text_head", 1, 256);
        int textLayers = r.Int32("n_text_layer", 1, 256);
        int mels = r.Int32("n_mels", 1, 256);
        int ftype = r.Int32("ftype", 0, 100_000);
        if (audioState % audioHeads != 0 || textState % textHeads != 0)
        {
            r.Fail(12, $"width {audioState}/{textState} is not a multiple of the head count {audioHeads}/{textHeads}");
        }

        if (ftype % 1000 == 0)
        {
            r.Fail(44, "all-f32 weights (ftype 0) abort whisper.cpp's CPU encoder; convert with f16 (the converter's default)");
        }

        // ggml asserts (aborts) on a weight type it has no mapping for, so only the ones it maps get through; the
        // thousands carry the quantization version, which is 2 today.
        if (!KnownWeightTypes.Contains(ftype % 1000) || ftype / 1000 > 2)
        {
            r.Fail(44, $"ftype {ftype}: expected f16 (1) or a ggml quantization (2, 3, 7–14), plus 1000 × quantization version 0–2");
        }

        // whisper.cpp derives the special-token ids and the language count from n_vocab; any other size makes it
        // look up tokens that do not exist, which throws inside native code.
        if (vocab is < 51864 or > 51866)
        {
            r.Fail(4, $"n_vocab {vocab}: Whisper vocabularies have 51864 (English) or 51865/51866 (multilingual) ids");
        }

        int melRows = r.Int32("mel filter rows", 1, 256);
        int melCols = r.Int32("mel filter columns", 1, 4096);
        r.Skip((long)melRows * melCols * 4, "mel filters");

        int words = r.Int32("vocabulary count", 0, vocab);
        bool hasSpace = false;
        for (int i = 0; i < words; i++)
        {
            int len = r.Int32("token length", 0, 1024);
            if (len == 1)
            {
                hasSpace |= r.Byte("token") == (byte)' ';
            }
            else
            {
                r.Skip(len, "token");
            }
        }

        if (!hasSpace)
        {
            r.Fail(f.Position, "the vocabulary has no single-space token, which whisper.cpp looks up (it would abort)");
        }

        var required = RequiredTensors(audioLayers, textLayers);
        int tensors = 0;
        Span<int> ne = stackalloc int[4];
        while (f.Position < f.Length)
        {
            long at = f.Position;
            int dims = r.Int32("tensor dimensions", 1, 4);
            int nameLength = r.Int32("tensor name length", 1, 256);
            int type = r.Int32("tensor type", 0, 40);
            long elements = 1;
            for (int d = 0; d < dims; d++)
            {
                ne[d] = r.Int32("tensor dimension", 1, 1 << 24);
                elements *= ne[d];
            }

            string name = r.Text(nameLength, "tensor name");
            long bytes = DataBytes(type, elements, ne[0]) ?? r.Fail<long>(at, $"tensor '{name}' has ggml type {type}, which whisper.cpp does not load");
            if (f.Length - f.Position < bytes)
            {
                r.Fail(at, $"truncated: tensor '{name}' needs {bytes} bytes of data, the file has {f.Length - f.Position} left");
            }

            // whisper.cpp refuses a shape mismatch only with a generic load failure; say which tensor and why.
            (int, int)? expected = name switch
            {
                "decoder.token_embedding.weight" => (textState, vocab),
                "decoder.positional_embedding" => (textState, textCtx),
                "encoder.positional_embedding" => (audioState, audioCtx),
                _ => null,
            };
            if (expected is { } shape && (dims != 2 || (ne[0], ne[1]) != shape))
            {
                r.Fail(at, $"tensor '{name}' is {string.Join('×', ne[..dims].ToArray())}, expected {shape.Item1}×{shape.Item2} from the header");
            }

            r.Skip(bytes, name);
            required.Remove(name);
            tensors++;
        }

        if (tensors == 0)
        {
            r.Fail(f.Position, "no tensors (whisper.cpp would load an empty model and transcribe nothing)");
        }

        if (required.Count > 0)
        {
            r.Fail(f.Length, $"missing {required.Count} tensors for {audioLayers}+{textLayers} layers, first '{required.Order(StringComparer.Ordinal).First()}'");
        }

        return new GgmlModelInfo(path, vocab, audioState, audioHeads, audioLayers, textState, textHeads, textLayers, mels, ftype, tensors);
    }

    /// <summary>Bytes of a tensor of <paramref name="elements"/> elements of a ggml type, or null for a type not loaded.</summary>
    private static long? DataBytes(int type, long elements, int rowLength)
    {
        (int block, int size)? layout = type switch
        {
            0 => (1, 4),
            1 => (1, 2),
            2 => (32, 18),
            3 => (32, 20),
            6 => (32, 22),
            7 => (32, 24),
            8 => (32, 34),
            10 => (256, 84),
            11 => (256, 110),
            12 => (256, 144),
            13 => (256, 176),
            14 => (256, 210),
            _ => null,
        };
        if (layout is not { } l || rowLength % l.block != 0)
        {
            return null;
        }

        return elements / l.block * l.size;
    }

    private static HashSet<string> RequiredTensors(int audioLayers, int textLayers)
    {
        var set = new HashSet<string>(StringComparer.Ordinal)
        {
            "encoder.positional_embedding", "encoder.conv1.weight", "encoder.conv1.bias", "encoder.conv2.weight",
            "encoder.conv2.bias", "encoder.ln_post.weight", "encoder.ln_post.bias", "decoder.positional_embedding",
            "decoder.token_embedding.weight", "decoder.ln.weight", "decoder.ln.bias",
        };
        string[] block = ["mlp_ln.weight", "mlp_ln.bias", "mlp.0.weight", "mlp.0.bias", "mlp.2.weight", "mlp.2.bias",
            "attn_ln.weight", "attn_ln.bias", "attn.query.weight", "attn.query.bias", "attn.key.weight", "attn.value.weight",
            "attn.value.bias", "attn.out.weight", "attn.out.bias"];
        string[] cross = ["cross_attn_ln.weight", "cross_attn_ln.bias", "cross_attn.query.weight", "cross_attn.query.bias",
            "cross_attn.key.weight", "cross_attn.value.weight", "cross_attn.value.bias", "cross_attn.out.weight", "cross_attn.out.bias"];
        for (int i = 0; i < audioLayers; i++)
        {
            set.UnionWith(block.Select(b => $"encoder.blocks.{i}.{b}"));
        }

        for (int i = 0; i < textLayers; i++)
        {
            set.UnionWith(block.Concat(cross).Select(b => $"decoder.blocks.{i}.{b}"));
        }

        return set;
    }

    /// <summary>Little-endian reads that fail with the file, the byte offset and what was expected.</summary>
    private sealed class Reader(FileStream f, string path)
    {
        private readonly byte[] _buf = new byte[256];

        public uint UInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4, what));

        public int Int32(string what, int min, int max)
        {
            long at = f.Position;
            int v = BinaryPrimitives.ReadInt32LittleEndian(Bytes(4, what));
            if (v < min || v > max)
            {
                Fail(at, $"{what} is {v}, expected {min}–{max}");
            }

            return v;
        }

        public byte Byte(string what) => Bytes(1, what)[0];

        public string Text(int length, string what) => Encoding.UTF8.GetString(Bytes(length, what));

        public void Skip(long bytes, string what)
        {
            if (f.Length - f.Position < bytes)
            {
                Fail(f.Position, $"truncated in {what}: {bytes} bytes needed, {f.Length - f.Position} left");
            }

            f.Seek(bytes, SeekOrigin.Current);
        }

        public void Fail(long at, string message) => throw new MediaException($"{path}: byte {at}: not a usable ggml Whisper model: {message}");

        public T Fail<T>(long at, string message)
        {
            Fail(at, message);
            return default!;
        }

        private Span<byte> Bytes(int n, string what)
        {
            long at = f.Position;
            var span = _buf.AsSpan(0, n);
            if (f.ReadAtLeast(span, n, throwOnEndOfStream: false) < n)
            {
                Fail(at, $"truncated: the file ends in {what}");
            }

            return span;
        }
    }
}
