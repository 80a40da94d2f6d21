using KannadaKit.Onnx;

namespace KannadaKit.Generation.Models;

/// <summary>
/// The decoder side of an encoder-decoder model, over the encoder's output (already expanded to one row per beam).
/// Merged layout (<c>decoder_model_merged.onnx</c>): the first step runs with <c>use_cache_branch</c> false and
/// empty pasts, later steps with it true, the decoder presents fed back and the encoder (cross-attention) presents
/// kept from the first step. Split layout: <c>decoder_model.onnx</c> first, then <c>decoder_with_past_model.onnx</c>.
/// Without a cache, every step reruns the whole decoder sequence.
/// </summary>
internal sealed class EncoderDecoderStepModel : IStepModel
{
    private readonly InferenceSession _first;
    private readonly InferenceSession? _withPast;
    private readonly DecoderInputs _firstInputs;
    private readonly DecoderInputs? _withPastInputs;
    private readonly OrtValue _encoderHidden;
    private readonly OrtValue? _encoderMask;
    private readonly bool _useCache;
    private readonly KvCache _cache;
    private readonly StepBuffers _buffers = new();
    private readonly CacheBinding _binding;
    private readonly int _deviceId;

    /// <param name="first">The merged decoder, or the split layout's first-step decoder.</param>
    /// <param name="withPast">The split layout's decoder with past, or null.</param>
    /// <param name="encoderHidden">Encoder output, one row per decoder row (taken over).</param>
    /// <param name="encoderMask">Encoder attention mask int64 [rows, source length] (taken over), or null.</param>
    /// <param name="config">Sizes for empty caches.</param>
    /// <param name="useCache">Whether to use the KV cache.</param>
    /// <param name="binding">How steps run and where the cache lives (see <see cref="CacheBinding"/>).</param>
    /// <param name="deviceId">The CUDA device for <see cref="CacheBinding.Cuda"/>.</param>
    public EncoderDecoderStepModel(InferenceSession first, InferenceSession? withPast, OrtValue encoderHidden, OrtValue? encoderMask,
        ModelConfig config, bool useCache, CacheBinding binding = CacheBinding.None, int deviceId = 0)
    {
        _binding = binding;
        _deviceId = deviceId;
        _first = first;
        _withPast = withPast;
        _firstInputs = DecoderInputs.Of(first, config);
        _withPastInputs = withPast is null ? null : DecoderInputs.Of(withPast, config);
        _encoderHidden = encoderHidden;
        _encoderMask = encoderMask;
        var merged = _firstInputs.UseCacheBranch is not null && _firstInputs.Past.Count > 0;
        _useCache = useCache && (merged || _withPastInputs is { Past.Count: > 0 });
        _cache = new KvCache(first.Runtime);
    }

    public float[] Step(IReadOnlyList<List<int>> rows, CancellationToken cancellationToken, out int vocabularySize)
    {
        var runtime = _first.Runtime;
        var batch = rows.Count;
        var length = rows[0].Count;
        if (rows.Any(r => r.Count != length))
        {
            throw new GenerationException("decoder prompts in one batch must have the same length");
        }
        var fresh = !_useCache || _cache.IsEmpty;
        var session = fresh || _withPast is null ? _first : _withPast;
        var inputs = fresh || _withPastInputs is null ? _firstInputs : _withPastInputs;
        var width = fresh ? length : 1;
        var idMemory = _buffers.Longs("ids", batch * width);
        var ids = idMemory.Span;
        for (var r = 0; r < batch; r++)
        {
            for (var i = 0; i < width; i++)
            {
                ids[r * width + i] = rows[r][length - width + i];
            }
        }

        using var feeds = new StepFeeds();
        feeds.Own(inputs.InputIds, OrtValue.FromMemory(runtime, idMemory, [batch, width]));
        if (inputs.EncoderHiddenStates is { } hidden)
        {
            feeds.Lend(hidden, _encoderHidden);
        }
        if (inputs.EncoderAttentionMask is { } mask)
        {
            feeds.Lend(mask, _encoderMask ?? throw new GenerationException($"{session.Source} needs encoder_attention_mask but the encoder has no attention mask"));
        }
        if (inputs.AttentionMask is { } decoderMask)
        {
            var ones = _buffers.Longs("decoder_attention_mask", batch * length);
            ones.Span.Fill(1);
            feeds.Own(decoderMask, OrtValue.FromMemory(runtime, ones, [batch, length]));
        }
        if (inputs.UseCacheBranch is { } branch)
        {
            feeds.Own(branch, OrtValue.FromMemory(runtime, _buffers.Flag(!fresh), [1]));
        }
        if (inputs.CachePosition is { } cachePosition)
        {
            var positions = _buffers.Longs("cache_position", width);
            for (var i = 0; i < width; i++)
            {
                positions.Span[i] = length - width + i;
            }
            feeds.Own(cachePosition, OrtValue.FromMemory(runtime, positions, [width]));
        }
        foreach (var past in inputs.Past)
        {
            if (fresh)
            {
                feeds.Own(past.Name, OrtValue.Allocate(runtime, past.ElementType, past.EmptyShape(batch)));
            }
            else
            {
                feeds.Lend(past.Name, _cache[past.Name]);
            }
        }
        // Keep the decoder presents every step, the encoder ones only from the first (later ones are not meaningful).
        var keep = _useCache
            ? inputs.Past.Where(p => !p.IsEncoder || fresh).Select(p => p.PresentName).Where(session.HasOutput).ToList()
            : [];
        if (_useCache && fresh && inputs.Past.Count == 0)
        {
            // The split layout's first decoder has no past inputs; its presents feed decoder_with_past.
            keep = [.. _withPastInputs!.Past.Select(p => p.PresentName).Where(session.HasOutput)];
        }
        using var outputs = _binding == CacheBinding.None
            ? session.Run(feeds.Items, [inputs.Logits, .. keep], cancellationToken)
            : BoundStep.Run(session, feeds, inputs.Logits, keep, _binding, _deviceId, cancellationToken);
        var logits = DecoderOnlyStepModel.LastPositionLogits(outputs[inputs.Logits], batch, out vocabularySize);
        foreach (var present in keep)
        {
            _cache.Set("past_key_values" + present["present".Length..], outputs.Take(present));
        }
        return logits;
    }

    /// <summary>Reorders the decoder cache; the encoder cache is the same for every beam of an input, so it stays.</summary>
    public void Reorder(int[] sources) => _cache.Reorder(sources, name => !name.Contains(".encoder.", StringComparison.Ordinal));

    public void Dispose()
    {
        _cache.Dispose();
        _encoderHidden.Dispose();
        _encoderMask?.Dispose();
    }
}
