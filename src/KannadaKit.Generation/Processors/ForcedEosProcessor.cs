namespace KannadaKit.Generation.Processors;

/// <summary>Forces an end token at the last position a sequence may fill (<c>forced_eos_token_id</c>).</summary>
public sealed class ForcedEosProcessor : LogitsProcessor
{
    private readonly int? _maxNewTokens;
    private readonly int _maxLength;
    private readonly int _eos;

    /// <summary>Creates the processor for a limit of <paramref name="maxNewTokens"/> (when set) or <paramref name="maxLength"/>.</summary>
    public ForcedEosProcessor(int? maxNewTokens, int maxLength, int eosTokenId)
    {
        _maxNewTokens = maxNewTokens;
        _maxLength = maxLength;
        _eos = eosTokenId;
    }

    /// <inheritdoc />
    public override void Process(ReadOnlySpan<int> sequence, int promptLength, Span<float> scores)
    {
        var limit = _maxNewTokens is { } n ? promptLength + n : _maxLength;
        if (sequence.Length == limit - 1)
        {
            Force(scores, _eos);
        }
    }
}
