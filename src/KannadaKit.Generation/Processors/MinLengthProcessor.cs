namespace KannadaKit.Generation.Processors;

/// <summary>Bans end tokens until the sequence has <c>minLength</c> tokens, or <c>minNewTokens</c> have been generated.</summary>
public sealed class MinLengthProcessor : LogitsProcessor
{
    private readonly int _minLength;
    private readonly int _minNewTokens;
    private readonly int[] _eos;

    /// <summary>Creates the processor.</summary>
    public MinLengthProcessor(int minLength, int minNewTokens, IReadOnlyList<int> eosTokenIds)
    {
        ArgumentNullException.ThrowIfNull(eosTokenIds);
        _minLength = minLength;
        _minNewTokens = minNewTokens;
        _eos = [.. eosTokenIds];
    }

    /// <inheritdoc />
    public override void Process(ReadOnlySpan<int> sequence, int promptLength, Span<float> scores)
    {
        if (sequence.Length < _minLength || sequence.Length - promptLength < _minNewTokens)
        {
            foreach (var eos in _eos)
            {
                Ban(scores, eos);
            }
        }
    }
}
