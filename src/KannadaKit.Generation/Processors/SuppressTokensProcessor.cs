namespace KannadaKit.Generation.Processors;

/// <summary>Bans tokens everywhere, or only at the first generated position (<c>begin_suppress_tokens</c>).</summary>
public sealed class SuppressTokensProcessor : LogitsProcessor
{
    private readonly int[] _tokens;
    private readonly bool _onlyFirst;

    /// <summary>Creates the processor.</summary>
    public SuppressTokensProcessor(IReadOnlyList<int> tokens, bool onlyAtFirstGeneratedToken = false)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = [.. tokens];
        _onlyFirst = onlyAtFirstGeneratedToken;
    }

    /// <inheritdoc />
    public override void Process(ReadOnlySpan<int> sequence, int promptLength, Span<float> scores)
    {
        if (_onlyFirst && sequence.Length != promptLength)
        {
            return;
        }
        foreach (var token in _tokens)
        {
            Ban(scores, token);
        }
    }
}
