namespace KannadaKit.Generation.Processors;

/// <summary>
/// Forces tokens at fixed positions of the sequence: <c>forced_bos_token_id</c> (position 1 of an encoder-decoder
/// sequence), <c>forced_decoder_ids</c>, and <c>forced_eos_token_id</c> at the last position allowed.
/// </summary>
public sealed class ForcedTokensProcessor : LogitsProcessor
{
    private readonly Dictionary<int, int> _byPosition;

    /// <summary>Creates the processor from (position in the sequence, token) pairs.</summary>
    public ForcedTokensProcessor(IEnumerable<KeyValuePair<int, int>> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        _byPosition = [];
        foreach (var (position, token) in positions)
        {
            _byPosition[position] = token;
        }
    }

    /// <inheritdoc />
    public override void Process(ReadOnlySpan<int> sequence, int promptLength, Span<float> scores)
    {
        if (_byPosition.TryGetValue(sequence.Length, out var token))
        {
            Force(scores, token);
        }
    }
}
