using System.Text.Json;
using KannadaKit.Onnx;

namespace KannadaKit.Testing.Onnx;

/// <summary>
/// Tiny generation models whose outputs can be worked out by hand. The logits at the last position are
/// <c>A[last token] + P[position] + W·(Σ cached keys)</c>: with P and W zero the model is a pure lookup table on
/// the last token; with them set, every step depends on the positions and on the whole KV cache, so a wrong cache,
/// mask or position changes the tokens.
/// </summary>
public static class TinyModels
{
    public const int Dim = 3;

    /// <summary>Weights of a tiny model: A [V, V] token logits, P [maxPos, V], K [V, Dim] keys, W [Dim, V].</summary>
    public sealed record Weights(int Vocab, float[] A, float[] P, float[] K, float[] W, int MaxPositions = 64)
    {
        /// <summary>A lookup table: <paramref name="logits"/>[t] are the next-token logits after token t.</summary>
        public static Weights Lookup(float[][] logits)
        {
            var v = logits.Length;
            return new Weights(v, [.. logits.SelectMany(r => r)], new float[64 * v], Seeded(v * Dim, 1), new float[Dim * v]);
        }

        /// <summary>Deterministic pseudo-random weights where cache, mask and positions all matter.</summary>
        public static Weights Random(int vocab, int seed) =>
            new(vocab, Seeded(vocab * vocab, seed, 2f), Seeded(64 * vocab, seed + 1, 1f), Seeded(vocab * Dim, seed + 2, 1f), Seeded(Dim * vocab, seed + 3, 1f));
    }

    public static float[] Seeded(int count, int seed, float scale = 1f)
    {
        var r = new System.Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)((r.NextDouble() * 2) - 1) * scale)];
    }

    /// <summary>Log-probabilities as logits: a row with the given probabilities and -30 elsewhere.</summary>
    public static float[] Row(int vocab, params (int Token, double P)[] entries)
    {
        var row = Enumerable.Repeat(-30f, vocab).ToArray();
        foreach (var (token, p) in entries)
        {
            row[token] = (float)Math.Log(p);
        }
        return row;
    }

    // ---- decoder-only ---------------------------------------------------------------------------------------

    /// <summary>model.onnx in the transformers.js layout (fp16 = float16 cache and logits).</summary>
    public static byte[] DecoderOnly(Weights w, bool fp16 = false, bool positionIds = true)
    {
        var kv = fp16 ? TensorElementType.Float16 : TensorElementType.Float;
        var g = new OnnxGraph("tiny-decoder");
        g.Input("input_ids", TensorElementType.Int64, "batch_size", "sequence_length");
        g.Input("attention_mask", TensorElementType.Int64, "batch_size", "total_sequence_length");
        if (positionIds)
        {
            g.Input("position_ids", TensorElementType.Int64, "batch_size", "sequence_length");
        }
        g.Input("past_key_values.0.key", kv, "batch_size", 1L, "past_sequence_length", (long)Dim);
        g.Input("past_key_values.0.value", kv, "batch_size", 1L, "past_sequence_length", (long)Dim);

        var keys = g.Op("Gather", [g.Initializer("K", OnnxTensor.Of(w.K, w.Vocab, Dim)), "input_ids"]);          // [B,S,D]
        var newKey = g.Op("Unsqueeze", [keys, g.Constant(OnnxTensor.Vector(1L))]);                              // [B,1,S,D]
        var pastKey = fp16 ? g.Op("Cast", ["past_key_values.0.key"], OnnxAttr.Int("to", 1)) : "past_key_values.0.key";
        var pastValue = fp16 ? g.Op("Cast", ["past_key_values.0.value"], OnnxAttr.Int("to", 1)) : "past_key_values.0.value";
        var presentKey = g.Op("Concat", [pastKey, newKey], OnnxAttr.Int("axis", 2));                            // [B,1,T,D]
        var presentValue = g.Op("Concat", [pastValue, g.Op("Mul", [newKey, g.Constant(OnnxTensor.Scalar(2f))])], OnnxAttr.Int("axis", 2));
        Output(g, "present.0.key", presentKey, fp16, "batch_size", 1L, "total_sequence_length", (long)Dim);
        Output(g, "present.0.value", presentValue, fp16, "batch_size", 1L, "total_sequence_length", (long)Dim);

        var mask = g.Op("Unsqueeze", [g.Op("Cast", ["attention_mask"], OnnxAttr.Int("to", 1)), g.Constant(OnnxTensor.Vector(1L, 3L))]); // [B,1,T,1]
        var memory = Memory(g, g.Op("Mul", [presentKey, mask]), w.W, w.Vocab);                                   // [B,1,V]
        var tokenLogits = g.Op("Gather", [g.Initializer("A", OnnxTensor.Of(w.A, w.Vocab, w.Vocab)), "input_ids"]); // [B,S,V]
        var logits = g.Op("Add", [tokenLogits, memory]);
        if (positionIds)
        {
            logits = g.Op("Add", [logits, g.Op("Gather", [g.Initializer("P", OnnxTensor.Of(w.P, w.MaxPositions, w.Vocab)), "position_ids"])]);
        }
        Output(g, "logits", logits, fp16, "batch_size", "sequence_length", (long)w.Vocab);
        return OnnxModel.ToBytes(g);
    }

    /// <summary>ReduceSum over heads and positions, then · W: [B,1,V].</summary>
    private static string Memory(OnnxGraph g, string keys, float[] w, int vocab)
    {
        var summed = g.Op("ReduceSum", [keys, g.Constant(OnnxTensor.Vector(1L, 2L))], OnnxAttr.Int("keepdims", 0)); // [B,D]
        var projected = g.Op("MatMul", [summed, g.Constant(OnnxTensor.Of(w, Dim, vocab))]);                         // [B,V]
        return g.Op("Unsqueeze", [projected, g.Constant(OnnxTensor.Vector(1L))]);
    }

    private static void Output(OnnxGraph g, string name, string value, bool fp16, params object[] dims)
    {
        g.OpNamed(name, fp16 ? "Cast" : "Identity", [value], fp16 ? [OnnxAttr.Int("to", (int)TensorElementType.Float16)] : []);
        g.Output(name, fp16 ? TensorElementType.Float16 : TensorElementType.Float, dims);
    }

    // ---- encoder-decoder ---------------------------------------------------------------------------------

    /// <summary>encoder_model.onnx: last_hidden_state = E[input_ids] (E = K of <paramref name="w"/>).</summary>
    public static byte[] Encoder(Weights w)
    {
        var g = new OnnxGraph("tiny-encoder");
        g.Input("input_ids", TensorElementType.Int64, "batch_size", "encoder_sequence_length");
        g.Input("attention_mask", TensorElementType.Int64, "batch_size", "encoder_sequence_length");
        g.OpNamed("last_hidden_state", "Gather", [g.Initializer("E", OnnxTensor.Of(w.K, w.Vocab, Dim)), "input_ids"]);
        g.Output("last_hidden_state", TensorElementType.Float, "batch_size", "encoder_sequence_length", (long)Dim);
        return OnnxModel.ToBytes(g);
    }

    /// <summary>The decoder in one of optimum's three forms.</summary>
    public enum DecoderForm
    {
        Merged,
        First,
        WithPast,
    }

    /// <summary>
    /// A decoder whose logits are A[last token] + W·(Σ masked encoder keys) + W'·(Σ decoder keys), W' = P's first
    /// Dim rows: the source text and the whole decoder cache both matter.
    /// </summary>
    public static byte[] Decoder(Weights w, DecoderForm form)
    {
        var g = new OnnxGraph("tiny-decoder-" + form);
        g.Input("encoder_attention_mask", TensorElementType.Int64, "batch_size", "encoder_sequence_length");
        g.Input("input_ids", TensorElementType.Int64, "batch_size", "decoder_sequence_length");
        if (form != DecoderForm.WithPast)
        {
            g.Input("encoder_hidden_states", TensorElementType.Float, "batch_size", "encoder_sequence_length", (long)Dim);
        }
        if (form != DecoderForm.First)
        {
            g.Input("past_key_values.0.decoder.key", TensorElementType.Float, "batch_size", 1L, "past_decoder_sequence_length", (long)Dim);
            g.Input("past_key_values.0.decoder.value", TensorElementType.Float, "batch_size", 1L, "past_decoder_sequence_length", (long)Dim);
            g.Input("past_key_values.0.encoder.key", TensorElementType.Float, "batch_size", 1L, "encoder_sequence_length_out", (long)Dim);
            g.Input("past_key_values.0.encoder.value", TensorElementType.Float, "batch_size", 1L, "encoder_sequence_length_out", (long)Dim);
        }
        if (form == DecoderForm.Merged)
        {
            g.Input("use_cache_branch", TensorElementType.Bool, 1L);
        }

        // Cross-attention keys: from the encoder output on the first step, from the cache afterwards.
        string encKey, encValue;
        if (form == DecoderForm.WithPast)
        {
            encKey = "past_key_values.0.encoder.key";
            encValue = "past_key_values.0.encoder.value";
        }
        else
        {
            var computed = new OnnxGraph("compute-cross");
            var fromHidden = computed.Op("Unsqueeze", ["encoder_hidden_states", computed.Constant(OnnxTensor.Vector(1L))]);
            computed.OpNamed("cross_key_new", "Identity", [fromHidden]);
            computed.OpNamed("cross_value_new", "Mul", [fromHidden, computed.Constant(OnnxTensor.Scalar(3f))]);
            computed.Output("cross_key_new", TensorElementType.Float, "batch_size", 1L, "encoder_sequence_length", (long)Dim);
            computed.Output("cross_value_new", TensorElementType.Float, "batch_size", 1L, "encoder_sequence_length", (long)Dim);
            if (form == DecoderForm.Merged)
            {
                var cached = new OnnxGraph("reuse-cross");
                cached.OpNamed("cross_key_cached", "Identity", ["past_key_values.0.encoder.key"]);
                cached.OpNamed("cross_value_cached", "Identity", ["past_key_values.0.encoder.value"]);
                cached.Output("cross_key_cached", TensorElementType.Float, "batch_size", 1L, "encoder_sequence_length", (long)Dim);
                cached.Output("cross_value_cached", TensorElementType.Float, "batch_size", 1L, "encoder_sequence_length", (long)Dim);
                var flag = g.Op("Squeeze", ["use_cache_branch"]);
                g.Node("If", [flag], ["cross_key", "cross_value"], OnnxAttr.Graph("then_branch", cached), OnnxAttr.Graph("else_branch", computed));
            }
            else
            {
                var fromHidden2 = g.Op("Unsqueeze", ["encoder_hidden_states", g.Constant(OnnxTensor.Vector(1L))]);
                g.OpNamed("cross_key", "Identity", [fromHidden2]);
                g.OpNamed("cross_value", "Mul", [fromHidden2, g.Constant(OnnxTensor.Scalar(3f))]);
            }
            encKey = "cross_key";
            encValue = "cross_value";
            g.OpNamed("present.0.encoder.key", "Identity", [encKey]);
            g.OpNamed("present.0.encoder.value", "Identity", [encValue]);
        }

        var newKey = g.Op("Unsqueeze", [g.Op("Gather", [g.Initializer("K", OnnxTensor.Of(w.K, w.Vocab, Dim)), "input_ids"]), g.Constant(OnnxTensor.Vector(1L))]);
        string decKey, decValue;
        if (form == DecoderForm.First)
        {
            decKey = newKey;
            decValue = g.Op("Mul", [newKey, g.Constant(OnnxTensor.Scalar(2f))]);
        }
        else
        {
            decKey = g.Op("Concat", ["past_key_values.0.decoder.key", newKey], OnnxAttr.Int("axis", 2));
            decValue = g.Op("Concat", ["past_key_values.0.decoder.value", g.Op("Mul", [newKey, g.Constant(OnnxTensor.Scalar(2f))])], OnnxAttr.Int("axis", 2));
        }
        g.OpNamed("present.0.decoder.key", "Identity", [decKey]);
        g.OpNamed("present.0.decoder.value", "Identity", [decValue]);

        var mask = g.Op("Unsqueeze", [g.Op("Cast", ["encoder_attention_mask"], OnnxAttr.Int("to", 1)), g.Constant(OnnxTensor.Vector(1L, 3L))]);
        var cross = Memory(g, g.Op("Mul", [encKey, mask]), w.W, w.Vocab);
        var self = Memory(g, decKey, w.P[..(Dim * w.Vocab)], w.Vocab);
        var tokenLogits = g.Op("Gather", [g.Initializer("A", OnnxTensor.Of(w.A, w.Vocab, w.Vocab)), "input_ids"]);
        g.OpNamed("logits", "Add", [g.Op("Add", [tokenLogits, cross]), self]);

        g.Output("logits", TensorElementType.Float, "batch_size", "decoder_sequence_length", (long)w.Vocab);
        g.Output("present.0.decoder.key", TensorElementType.Float, "batch_size", 1L, "total_decoder_sequence_length", (long)Dim);
        g.Output("present.0.decoder.value", TensorElementType.Float, "batch_size", 1L, "total_decoder_sequence_length", (long)Dim);
        if (form != DecoderForm.WithPast)
        {
            g.Output("present.0.encoder.key", TensorElementType.Float, "batch_size", 1L, "encoder_sequence_length_out", (long)Dim);
            g.Output("present.0.encoder.value", TensorElementType.Float, "batch_size", 1L, "encoder_sequence_length_out", (long)Dim);
        }
        return OnnxModel.ToBytes(g);
    }

    // ---- folders -------------------------------------------------------------------------------------------

    /// <summary>Writes a decoder-only model folder (onnx/model.onnx, config.json, generation_config.json).</summary>
    public static string DecoderOnlyFolder(string root, Weights w, object? generationConfig = null, bool fp16Variant = false, bool positionIds = true)
    {
        Directory.CreateDirectory(Path.Combine(root, "onnx"));
        File.WriteAllBytes(Path.Combine(root, "onnx", "model.onnx"), DecoderOnly(w, positionIds: positionIds));
        if (fp16Variant)
        {
            File.WriteAllBytes(Path.Combine(root, "onnx", "model_fp16.onnx"), DecoderOnly(w, fp16: true, positionIds: positionIds));
        }
        Json(Path.Combine(root, "config.json"), new { model_type = "tiny", vocab_size = w.Vocab, num_attention_heads = 1, hidden_size = Dim, eos_token_id = 2, bos_token_id = 1, pad_token_id = 0 });
        Json(Path.Combine(root, "generation_config.json"), generationConfig ?? new { eos_token_id = 2 });
        return root;
    }

    /// <summary>Writes an encoder-decoder folder in the merged, split or no-cache layout.</summary>
    public static string EncoderDecoderFolder(string root, Weights w, string layout = "merged", object? generationConfig = null)
    {
        Directory.CreateDirectory(root);
        File.WriteAllBytes(Path.Combine(root, "encoder_model.onnx"), Encoder(w));
        switch (layout)
        {
            case "merged":
                File.WriteAllBytes(Path.Combine(root, "decoder_model_merged.onnx"), Decoder(w, DecoderForm.Merged));
                break;
            case "split":
                File.WriteAllBytes(Path.Combine(root, "decoder_model.onnx"), Decoder(w, DecoderForm.First));
                File.WriteAllBytes(Path.Combine(root, "decoder_with_past_model.onnx"), Decoder(w, DecoderForm.WithPast));
                break;
            default:
                File.WriteAllBytes(Path.Combine(root, "decoder_model.onnx"), Decoder(w, DecoderForm.First));
                break;
        }
        Json(Path.Combine(root, "config.json"), new { model_type = "tiny-t5", is_encoder_decoder = true, vocab_size = w.Vocab, num_heads = 1, d_model = Dim, d_kv = Dim, eos_token_id = 2, pad_token_id = 0, decoder_start_token_id = 1 });
        Json(Path.Combine(root, "generation_config.json"), generationConfig ?? new { decoder_start_token_id = 1, eos_token_id = 2, pad_token_id = 0 });
        return root;
    }

    public static void Json(string path, object value) => File.WriteAllText(path, JsonSerializer.Serialize(value));

    /// <summary>
    /// Writes <c>tokenizer.json</c>: a word-level vocabulary split on whitespace, ids in list order, the first
    /// <paramref name="specials"/> words special (and the first one the unknown token).
    /// </summary>
    public static void WordLevelTokenizer(string folder, IReadOnlyList<string> words, int specials = 3)
    {
        var vocab = words.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
        Json(Path.Combine(folder, "tokenizer.json"), new
        {
            version = "1.0",
            added_tokens = words.Take(specials).Select((w, i) => new { id = i, content = w, single_word = false, lstrip = false, rstrip = false, normalized = false, special = true }),
            normalizer = (object?)null,
            pre_tokenizer = new { type = "WhitespaceSplit" },
            post_processor = (object?)null,
            decoder = (object?)null,
            model = new { type = "WordLevel", vocab, unk_token = words[0] },
        });
    }
}
