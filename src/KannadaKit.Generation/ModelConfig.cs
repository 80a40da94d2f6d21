using System.Text.Json;

namespace KannadaKit.Generation;

/// <summary>
/// What generation needs from a model folder's <c>config.json</c> (architecture sizes and special tokens) and
/// <c>generation_config.json</c> (default generation options), under transformers' names and their per-architecture
/// aliases (n_head, d_model, d_kv…).
/// </summary>
public sealed record ModelConfig
{
    /// <summary>transformers' <c>model_type</c> (llama, gpt2, t5, bart, whisper…).</summary>
    public string ModelType { get; init; } = "";

    /// <summary>Whether config.json says the model is an encoder-decoder.</summary>
    public bool IsEncoderDecoder { get; init; }

    /// <summary>Attention heads of the (decoder) key/value cache, when config.json gives them.</summary>
    public int? KeyValueHeads { get; init; }

    /// <summary>Size of one head, when config.json gives it or it follows from hidden size / heads.</summary>
    public int? HeadDim { get; init; }

    /// <summary>The vocabulary size.</summary>
    public int? VocabSize { get; init; }

    /// <summary>The longest sequence the model was trained on (max_position_embeddings, n_positions, n_ctx…), when
    /// config.json gives it: callers truncate their input to fit.</summary>
    public int? MaxPositions { get; init; }

    /// <summary>Default generation options: config.json's special tokens, overridden by generation_config.json.</summary>
    public GenerationOptions Defaults { get; init; } = new();

    /// <summary>Reads a model folder's config files; either may be absent.</summary>
    /// <exception cref="GenerationException">When a file is not valid JSON or a value has the wrong type (file and key named).</exception>
    public static ModelConfig Load(string folder)
    {
        var configPath = Path.Combine(folder, "config.json");
        var generationPath = Path.Combine(folder, "generation_config.json");
        using var config = Read(configPath);
        using var generation = Read(generationPath);
        var c = config?.RootElement;
        var fromConfig = c is { } root ? OptionsFrom(root, configPath) : new GenerationOptions();
        var fromGeneration = generation is not null ? OptionsFrom(generation.RootElement, generationPath) : new GenerationOptions();

        int? heads = null, kvHeads = null, headDim = null, hidden = null, vocab = null, positions = null;
        var type = "";
        var encoderDecoder = false;
        if (c is { } r)
        {
            type = Str(r, "model_type", configPath) ?? "";
            encoderDecoder = Bool(r, "is_encoder_decoder", configPath) ?? false;
            heads = Int(r, "decoder_attention_heads", configPath) ?? Int(r, "num_heads", configPath)
                ?? Int(r, "num_attention_heads", configPath) ?? Int(r, "n_head", configPath);
            kvHeads = Int(r, "num_key_value_heads", configPath) ?? heads;
            hidden = Int(r, "d_model", configPath) ?? Int(r, "hidden_size", configPath) ?? Int(r, "n_embd", configPath);
            headDim = Int(r, "head_dim", configPath) ?? Int(r, "d_kv", configPath)
                ?? (hidden is { } h && heads is > 0 and var n ? h / n : null);
            vocab = Int(r, "vocab_size", configPath);
            positions = Int(r, "max_position_embeddings", configPath) ?? Int(r, "n_positions", configPath)
                ?? Int(r, "n_ctx", configPath) ?? Int(r, "max_seq_len", configPath) ?? Int(r, "seq_length", configPath);
        }
        return new ModelConfig
        {
            ModelType = type,
            IsEncoderDecoder = encoderDecoder,
            KeyValueHeads = kvHeads,
            HeadDim = headDim,
            VocabSize = vocab,
            MaxPositions = positions,
            Defaults = fromGeneration.Over(fromConfig),
        };
    }

    private static JsonDocument? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new GenerationException($"{path}: invalid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: expected a JSON object");
        }
    }

    /// <summary>Generation options from transformers' keys in a config object.</summary>
    internal static GenerationOptions OptionsFrom(JsonElement r, string path)
    {
        if (r.ValueKind != JsonValueKind.Object)
        {
            throw new GenerationException($"{path}: expected a JSON object at the top level");
        }
        return new GenerationOptions
        {
            MaxNewTokens = Int(r, "max_new_tokens", path),
            MaxLength = Int(r, "max_length", path),
            MinNewTokens = Int(r, "min_new_tokens", path),
            MinLength = Int(r, "min_length", path) is > 0 and var m ? m : null,
            NumBeams = Int(r, "num_beams", path),
            NumReturnSequences = Int(r, "num_return_sequences", path),
            LengthPenalty = Num(r, "length_penalty", path),
            EarlyStopping = r.TryGetProperty("early_stopping", out var es) ? es.ValueKind switch
            {
                JsonValueKind.True => Generation.EarlyStopping.WhenBeamsFinished,
                JsonValueKind.False => Generation.EarlyStopping.Heuristic,
                JsonValueKind.String when es.GetString() == "never" => Generation.EarlyStopping.Never,
                JsonValueKind.Null => null,
                _ => throw Wrong(path, "early_stopping", "true, false or \"never\""),
            } : null,
            DoSample = Bool(r, "do_sample", path),
            Temperature = Num(r, "temperature", path),
            TopK = Int(r, "top_k", path),
            TopP = Num(r, "top_p", path),
            RepetitionPenalty = Num(r, "repetition_penalty", path),
            NoRepeatNgramSize = Int(r, "no_repeat_ngram_size", path),
            EosTokenIds = IntOrList(r, "eos_token_id", path),
            PadTokenId = Int(r, "pad_token_id", path),
            BosTokenId = Int(r, "bos_token_id", path),
            DecoderStartTokenId = Int(r, "decoder_start_token_id", path),
            ForcedBosTokenId = Int(r, "forced_bos_token_id", path),
            ForcedEosTokenId = Int(r, "forced_eos_token_id", path),
            ForcedDecoderIds = Pairs(r, "forced_decoder_ids", path),
            SuppressTokens = IntOrList(r, "suppress_tokens", path),
            BeginSuppressTokens = IntOrList(r, "begin_suppress_tokens", path),
            BadWordsIds = Lists(r, "bad_words_ids", path),
        };
    }

    private static GenerationException Wrong(string path, string key, string expected) =>
        new($"{path}: \"{key}\" must be {expected}");

    private static bool TryValue(JsonElement r, string key, out JsonElement value) =>
        r.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null;

    private static int? Int(JsonElement r, string key, string path) =>
        !TryValue(r, key, out var v) ? null
        : v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i
        : throw Wrong(path, key, "an integer");

    private static double? Num(JsonElement r, string key, string path) =>
        !TryValue(r, key, out var v) ? null
        : v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : throw Wrong(path, key, "a number");

    private static bool? Bool(JsonElement r, string key, string path) =>
        !TryValue(r, key, out var v) ? null
        : v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean()
        : throw Wrong(path, key, "true or false");

    private static string? Str(JsonElement r, string key, string path) =>
        !TryValue(r, key, out var v) ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw Wrong(path, key, "a string");

    private static int[]? IntOrList(JsonElement r, string key, string path)
    {
        if (!TryValue(r, key, out var v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var single))
        {
            return [single];
        }
        if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out _)))
        {
            return [.. v.EnumerateArray().Select(e => e.GetInt32())];
        }
        throw Wrong(path, key, "an integer or a list of integers");
    }

    private static int[][]? Lists(JsonElement r, string key, string path)
    {
        if (!TryValue(r, key, out var v))
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(path, key, "a list of lists of integers");
        }
        return [.. v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number)
            ? e.EnumerateArray().Select(x => x.GetInt32()).ToArray()
            : throw Wrong(path, key, "a list of lists of integers"))];
    }

    private static KeyValuePair<int, int>[]? Pairs(JsonElement r, string key, string path) =>
        Lists(r, key, path)?.Select(p => p.Length == 2 ? new KeyValuePair<int, int>(p[0], p[1]) : throw Wrong(path, key, "a list of [position, token] pairs")).ToArray();
}
