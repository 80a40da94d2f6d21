using KannadaKit.Onnx;

namespace KannadaKit.Generation.Models;

/// <summary>
/// A decoder-only <c>model.onnx</c>: <c>input_ids</c>, <c>attention_mask</c>, optional <c>position_ids</c>,
/// <c>past_key_values.N.key|value</c> (and optionally <c>use_cache_branch</c>, <c>num_logits_to_keep</c>) in;
/// <c>logits</c> and <c>present.N.key|value</c> out. Prompts of different lengths are left-padded and masked;
/// positions count only real tokens, so a row's result does not depend on the others in its batch.
/// </summary>
internal sealed class DecoderOnlyStepModel : IStepModel
{
    private readonly InferenceSession _session;
    private readonly DecoderInputs _inputs;
    private readonly bool _useCache;
    private readonly int _firstPosition;
    private readonly KvCache _cache;
    private readonly CacheBinding _binding;
    private readonly int _deviceId;
    private readonly StepBuffers _buffers = new();
    private List<List<long>> _masks = [];

    public DecoderOnlyStepModel(InferenceSession session, ModelConfig config, bool useCache, CacheBinding binding = CacheBinding.None, int deviceId = 0)
    {
        _binding = binding;
        _deviceId = deviceId;
        _session = session;
        _inputs = DecoderInputs.Of(session, config);
        _useCache = useCache && _inputs.Past.Count > 0;
        // Gemma 3 counts positions from 1 (transformers.js); everything else from 0.
        _firstPosition = config.ModelType is "gemma3_text" or "gemma3" or "paligemma" ? 1 : 0;
        _cache = new KvCache(session.Runtime);
    }

    public float[] Step(IReadOnlyList<List<int>> rows, CancellationToken cancellationToken, out int vocabularySize)
    {
        var runtime = _session.Runtime;
        var fresh = !_useCache || _cache.IsEmpty;
        var batch = rows.Count;
        int width;
        Span<long> ids;
        Memory<long> idMemory;
        if (fresh)
        {
            // Everything from the start, left-padded: pads are masked out and take position 1 as transformers does.
            width = rows.Max(r => r.Count);
            idMemory = _buffers.Longs("ids", batch * width);
            ids = idMemory.Span;
            _masks = [];
            for (var r = 0; r < batch; r++)
            {
                var pad = width - rows[r].Count;
                var mask = new List<long>(width + 64);
                for (var i = 0; i < width; i++)
                {
                    ids[r * width + i] = i < pad ? 0 : rows[r][i - pad];
                    mask.Add(i < pad ? 0 : 1);
                }
                _masks.Add(mask);
            }
        }
        else
        {
            width = 1;
            idMemory = _buffers.Longs("ids", batch);
            ids = idMemory.Span;
            for (var r = 0; r < batch; r++)
            {
                ids[r] = rows[r][^1];
                _masks[r].Add(1);
            }
        }
        var total = _masks[0].Count;
        var maskMemory = _buffers.Longs("attention_mask", batch * total);
        var positionMemory = _buffers.Longs("position_ids", batch * width);
        var maskData = maskMemory.Span;
        var positions = positionMemory.Span;
        for (var r = 0; r < batch; r++)
        {
            long seen = 0;
            for (var i = 0; i < total; i++)
            {
                maskData[r * total + i] = _masks[r][i];
                seen += _masks[r][i];
                var p = i - (total - width);
                if (p >= 0)
                {
                    positions[r * width + p] = _masks[r][i] == 0 ? 1 : seen - 1 + _firstPosition;
                }
            }
        }

        using var feeds = new StepFeeds();
        feeds.Own(_inputs.InputIds, OrtValue.FromMemory(runtime, idMemory, [batch, width]));
        if (_inputs.AttentionMask is { } maskName)
        {
            feeds.Own(maskName, OrtValue.FromMemory(runtime, maskMemory, [batch, total]));
        }
        if (_inputs.PositionIds is { } positionName)
        {
            feeds.Own(positionName, OrtValue.FromMemory(runtime, positionMemory, [batch, width]));
        }
        if (_inputs.LogitsToKeep is { } keepName)
        {
            var keep = _buffers.Longs("num_logits_to_keep", 1);
            keep.Span[0] = 1;
            feeds.Own(keepName, OrtValue.FromMemory(runtime, keep, [1]));
        }
        if (_inputs.UseCacheBranch is { } branchName)
        {
            feeds.Own(branchName, OrtValue.FromMemory(runtime, _buffers.Flag(!fresh), [1]));
        }
        foreach (var past in _inputs.Past)
        {
            if (!fresh)
            {
                feeds.Lend(past.Name, _cache[past.Name]);
            }
            else
            {
                feeds.Own(past.Name, OrtValue.Allocate(runtime, past.ElementType, past.EmptyShape(batch)));
            }
        }
        var outputNames = new List<string> { _inputs.Logits };
        if (_useCache)
        {
            outputNames.AddRange(_inputs.Past.Select(p => p.PresentName));
        }
        using var outputs = _binding == CacheBinding.None
            ? _session.Run(feeds.Items, outputNames, cancellationToken)
            : BoundStep.Run(_session, feeds, _inputs.Logits, outputNames.Skip(1), _binding, _deviceId, cancellationToken);
        var logits = LastPositionLogits(outputs[_inputs.Logits], batch, out vocabularySize);
        if (_useCache)
        {
            foreach (var past in _inputs.Past)
            {
                _cache.Set(past.Name, outputs.Take(past.PresentName));
            }
        }
        return logits;
    }

    public void Reorder(int[] sources)
    {
        if (_masks.Count > 0)
        {
            _masks = [.. sources.Select(s => new List<long>(_masks[s]))];
        }
        _cache.Reorder(sources);
    }

    /// <summary>Logits [rows, vocabulary] of the last position from [rows, seq, vocabulary] (any float type), read
    /// in place: only the last position of each row is widened and copied, never the whole [rows, seq, vocabulary]
    /// tensor (for a 256k vocabulary and a long prompt that copy was hundreds of megabytes).</summary>
    internal static float[] LastPositionLogits(OrtValue logits, int batch, out int vocabularySize)
    {
        var shape = logits.Shape;
        vocabularySize = (int)shape[^1];
        var sequence = shape.Count == 2 ? 1 : (int)shape[1];
        var result = new float[batch * vocabularySize];
        for (var r = 0; r < batch; r++)
        {
            var from = ((r * sequence) + sequence - 1) * vocabularySize;
            var to = result.AsSpan(r * vocabularySize, vocabularySize);
            switch (logits.ElementType)
            {
                case TensorElementType.Float:
                    logits.GetData<float>().Slice(from, vocabularySize).CopyTo(to);
                    break;
                case TensorElementType.Float16:
                    var halves = logits.GetData<Half>().Slice(from, vocabularySize);
                    for (var i = 0; i < halves.Length; i++)
                    {
                        to[i] = (float)halves[i];
                    }
                    break;
                case TensorElementType.BFloat16:
                    var brains = logits.GetData<BFloat16>().Slice(from, vocabularySize);
                    for (var i = 0; i < brains.Length; i++)
                    {
                        to[i] = brains[i].ToSingle();
                    }
                    break;
                default:
                    throw new GenerationException($"logits of type {TensorElementTypes.Name(logits.ElementType)}: expected float32, float16 or bfloat16");
            }
        }
        return result;
    }

    public void Dispose() => _cache.Dispose();
}
