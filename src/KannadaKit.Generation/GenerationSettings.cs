using KannadaKit.Generation.Processors;

namespace KannadaKit.Generation;

/// <summary>Options with every default filled in and checked, and the processor lists they imply.</summary>
internal sealed class GenerationSettings
{
    private GenerationSettings(GenerationOptions o, bool encoderDecoder)
    {
        NumBeams = o.NumBeams ?? 1;
        DoSample = o.DoSample ?? false;
        EosTokenIds = o.EosTokenIds ?? [];
        PadTokenId = o.PadTokenId ?? (EosTokenIds.Count > 0 ? EosTokenIds[0] : 0);
        _maxNewTokens = o.MaxNewTokens;
        _maxLength = o.MaxLength ?? 20;
        NumReturnSequences = o.NumReturnSequences ?? 1;
        LengthPenalty = o.LengthPenalty ?? 1.0;
        EarlyStopping = o.EarlyStopping ?? Generation.EarlyStopping.Heuristic;
        Seed = o.Seed;
        UseCache = o.UseCache ?? true;

        if (NumBeams < 1)
        {
            throw new GenerationException($"num_beams must be at least 1 (got {NumBeams})");
        }
        if (NumReturnSequences < 1 || NumReturnSequences > NumBeams)
        {
            throw new GenerationException($"num_return_sequences must be between 1 and num_beams ({NumBeams}), got {NumReturnSequences}");
        }
        if (NumBeams > 1 && DoSample)
        {
            throw new GenerationException("beam search with sampling (num_beams > 1 and do_sample) is not supported; use one or the other");
        }
        if (o.MaxNewTokens is < 1)
        {
            throw new GenerationException($"max_new_tokens must be at least 1 (got {o.MaxNewTokens})");
        }
        o.Validate();

        var processors = new List<LogitsProcessor>();
        if (o.RepetitionPenalty is { } penalty && penalty != 1.0)
        {
            processors.Add(new RepetitionPenaltyProcessor(penalty));
        }
        if (o.NoRepeatNgramSize is > 0 and var n)
        {
            processors.Add(new NoRepeatNGramProcessor(n));
        }
        if (o.BadWordsIds is { Count: > 0 } bad)
        {
            processors.Add(new BadWordsProcessor(bad));
        }
        if (EosTokenIds.Count > 0 && ((o.MinLength ?? 0) > 0 || (o.MinNewTokens ?? 0) > 0))
        {
            processors.Add(new MinLengthProcessor(o.MinLength ?? 0, o.MinNewTokens ?? 0, EosTokenIds));
        }
        if (o.SuppressTokens is { Count: > 0 } suppress)
        {
            processors.Add(new SuppressTokensProcessor(suppress));
        }
        if (o.BeginSuppressTokens is { Count: > 0 } begin)
        {
            processors.Add(new SuppressTokensProcessor(begin, onlyAtFirstGeneratedToken: true));
        }
        var forced = new List<KeyValuePair<int, int>>();
        if (o.ForcedBosTokenId is { } bos && encoderDecoder)
        {
            forced.Add(new(1, bos));
        }
        if (o.ForcedDecoderIds is { } ids)
        {
            forced.AddRange(ids);
        }
        if (forced.Count > 0)
        {
            processors.Add(new ForcedTokensProcessor(forced));
        }
        if (o.ForcedEosTokenId is { } forcedEos)
        {
            processors.Add(new ForcedEosProcessor(o.MaxNewTokens, _maxLength, forcedEos));
        }
        if (o.ExtraProcessors is { } extra)
        {
            processors.AddRange(extra);
        }
        Processors = processors;

        var warpers = new List<LogitsProcessor>();
        if (DoSample)
        {
            if (o.Temperature is { } t && t != 1.0)
            {
                warpers.Add(new TemperatureWarper(t));
            }
            if ((o.TopK ?? 50) is > 0 and var k)
            {
                warpers.Add(new TopKWarper(k));
            }
            if (o.TopP is { } p && p < 1.0)
            {
                warpers.Add(new TopPWarper(p));
            }
        }
        Warpers = warpers;
    }

    public int NumBeams { get; }

    public bool DoSample { get; }

    public IReadOnlyList<int> EosTokenIds { get; }

    public int PadTokenId { get; }

    private readonly int? _maxNewTokens;
    private readonly int _maxLength;

    /// <summary>The longest a sequence with this many given tokens may become.</summary>
    public int MaxLengthFor(int promptLength) => _maxNewTokens is { } n ? promptLength + n : _maxLength;

    public int NumReturnSequences { get; }

    public double LengthPenalty { get; }

    public EarlyStopping EarlyStopping { get; }

    public int? Seed { get; }

    public bool UseCache { get; }

    public IReadOnlyList<LogitsProcessor> Processors { get; }

    public IReadOnlyList<LogitsProcessor> Warpers { get; }

    public bool IsEos(int token)
    {
        foreach (var e in EosTokenIds)
        {
            if (e == token)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Resolves options (model defaults already merged in).</summary>
    public static GenerationSettings Resolve(GenerationOptions options, bool encoderDecoder) => new(options, encoderDecoder);
}
