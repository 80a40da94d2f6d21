using KannadaKit.Generation.Processors;

namespace KannadaKit.Generation;

/// <summary>
/// How to generate, with transformers' names and meanings. Every property is optional: unset ones come from the
/// model's <c>generation_config.json</c> (then <c>config.json</c>), then transformers' defaults. Immutable.
/// </summary>
public sealed record GenerationOptions
{
    /// <summary>Most tokens to generate (preferred over <see cref="MaxLength"/>).</summary>
    public int? MaxNewTokens { get; init; }

    /// <summary>Most tokens in the whole sequence: prompt + generated (decoder-only) or decoder tokens (encoder-decoder). Default 20.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Fewest tokens to generate before an end token is allowed.</summary>
    public int? MinNewTokens { get; init; }

    /// <summary>Fewest tokens in the whole sequence before an end token is allowed.</summary>
    public int? MinLength { get; init; }

    /// <summary>Beams; 1 (default) is greedy search or sampling.</summary>
    public int? NumBeams { get; init; }

    /// <summary>Sequences returned per input by beam search (at most <see cref="NumBeams"/>).</summary>
    public int? NumReturnSequences { get; init; }

    /// <summary>Beam scores are divided by length^penalty: above 0 favours longer sequences. Default 1.</summary>
    public double? LengthPenalty { get; init; }

    /// <summary>When beam search stops.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Sample instead of taking the most likely token.</summary>
    public bool? DoSample { get; init; }

    /// <summary>Sampling temperature (default 1).</summary>
    public double? Temperature { get; init; }

    /// <summary>Sample only among the k most likely tokens (default 50; 0 disables).</summary>
    public int? TopK { get; init; }

    /// <summary>Sample only among the smallest set of tokens whose probability reaches p (default 1, off).</summary>
    public double? TopP { get; init; }

    /// <summary>Seed for sampling; the same seed gives the same tokens.</summary>
    public int? Seed { get; init; }

    /// <summary>Divides positive (multiplies negative) scores of tokens already in the sequence (default 1, off).</summary>
    public double? RepetitionPenalty { get; init; }

    /// <summary>No n-gram of this size occurs twice (default 0, off).</summary>
    public int? NoRepeatNgramSize { get; init; }

    /// <summary>End-of-sequence tokens (any of them stops a sequence).</summary>
    public IReadOnlyList<int>? EosTokenIds { get; init; }

    /// <summary>Padding token (for finished rows and left-padded prompts).</summary>
    public int? PadTokenId { get; init; }

    /// <summary>Beginning-of-sequence token.</summary>
    public int? BosTokenId { get; init; }

    /// <summary>The first decoder token of encoder-decoder models.</summary>
    public int? DecoderStartTokenId { get; init; }

    /// <summary>A token forced as the first generated one.</summary>
    public int? ForcedBosTokenId { get; init; }

    /// <summary>A token forced when the maximum length is reached.</summary>
    public int? ForcedEosTokenId { get; init; }

    /// <summary>Tokens forced at given positions of the decoder sequence (Whisper's <c>forced_decoder_ids</c>: position, token).</summary>
    public IReadOnlyList<KeyValuePair<int, int>>? ForcedDecoderIds { get; init; }

    /// <summary>Tokens never generated.</summary>
    public IReadOnlyList<int>? SuppressTokens { get; init; }

    /// <summary>Tokens not generated as the first token.</summary>
    public IReadOnlyList<int>? BeginSuppressTokens { get; init; }

    /// <summary>Token sequences never generated (<c>bad_words_ids</c>).</summary>
    public IReadOnlyList<IReadOnlyList<int>>? BadWordsIds { get; init; }

    /// <summary>Further processors, applied after the built-in ones and before sampling warpers.</summary>
    public IReadOnlyList<LogitsProcessor>? ExtraProcessors { get; init; }

    /// <summary>Use the KV cache (default). False recomputes the whole sequence at every step: slower, same tokens.</summary>
    public bool? UseCache { get; init; }

    /// <summary>These options with unset properties taken from <paramref name="defaults"/>.</summary>
    public GenerationOptions Over(GenerationOptions? defaults)
    {
        if (defaults is null)
        {
            return this;
        }
        return new GenerationOptions
        {
            MaxNewTokens = MaxNewTokens ?? (MaxLength is null ? defaults.MaxNewTokens : null),
            MaxLength = MaxLength ?? defaults.MaxLength,
            MinNewTokens = MinNewTokens ?? defaults.MinNewTokens,
            MinLength = MinLength ?? defaults.MinLength,
            NumBeams = NumBeams ?? defaults.NumBeams,
            NumReturnSequences = NumReturnSequences ?? defaults.NumReturnSequences,
            LengthPenalty = LengthPenalty ?? defaults.LengthPenalty,
            EarlyStopping = EarlyStopping ?? defaults.EarlyStopping,
            DoSample = DoSample ?? defaults.DoSample,
            Temperature = Temperature ?? defaults.Temperature,
            TopK = TopK ?? defaults.TopK,
            TopP = TopP ?? defaults.TopP,
            Seed = Seed ?? defaults.Seed,
            RepetitionPenalty = RepetitionPenalty ?? defaults.RepetitionPenalty,
            NoRepeatNgramSize = NoRepeatNgramSize ?? defaults.NoRepeatNgramSize,
            EosTokenIds = EosTokenIds ?? defaults.EosTokenIds,
            PadTokenId = PadTokenId ?? defaults.PadTokenId,
            BosTokenId = BosTokenId ?? defaults.BosTokenId,
            DecoderStartTokenId = DecoderStartTokenId ?? defaults.DecoderStartTokenId,
            ForcedBosTokenId = ForcedBosTokenId ?? defaults.ForcedBosTokenId,
            ForcedEosTokenId = ForcedEosTokenId ?? defaults.ForcedEosTokenId,
            ForcedDecoderIds = ForcedDecoderIds ?? defaults.ForcedDecoderIds,
            SuppressTokens = SuppressTokens ?? defaults.SuppressTokens,
            BeginSuppressTokens = BeginSuppressTokens ?? defaults.BeginSuppressTokens,
            BadWordsIds = BadWordsIds ?? defaults.BadWordsIds,
            ExtraProcessors = ExtraProcessors ?? defaults.ExtraProcessors,
            UseCache = UseCache ?? defaults.UseCache,
        };
    }

    /// <summary>
    /// Values the processors cannot work with, refused here with the option's name rather than failing inside a
    /// processor (regression: --temperature 0, --top-p 0 and a penalty of 0 were internal errors; --top-p 2, NaN and
    /// --top-k -1 were silently accepted). The ranges are transformers' own.
    /// </summary>
    /// <exception cref="GenerationException">Naming the first option out of range.</exception>
    public void Validate()
    {
        static string Text(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Greedy search never reads the temperature (transformers only warns), so 0 is refused only when sampling.
        if (Temperature is { } t && (!double.IsFinite(t) || t < 0 || (t == 0 && DoSample == true)))
        {
            throw new GenerationException($"temperature must be a positive number (got {Text(t)}); for greedy decoding turn sampling off instead");
        }
        if (TopP is { } p && (!double.IsFinite(p) || p <= 0 || p > 1))
        {
            throw new GenerationException($"top_p must be greater than 0 and at most 1 (got {Text(p)})");
        }
        if (TopK is < 0)
        {
            throw new GenerationException($"top_k must be 0 (off) or more (got {TopK})");
        }
        if (RepetitionPenalty is { } r && (!double.IsFinite(r) || r <= 0))
        {
            throw new GenerationException($"repetition_penalty must be a positive number (got {Text(r)})");
        }
        if (LengthPenalty is { } l && !double.IsFinite(l))
        {
            throw new GenerationException($"length_penalty must be a finite number (got {Text(l)})");
        }
        if (NoRepeatNgramSize is < 0)
        {
            throw new GenerationException($"no_repeat_ngram_size must be 0 (off) or more (got {NoRepeatNgramSize})");
        }
    }
}
