namespace KannadaKit.Generation.Processors;

/// <summary>Tokens already in the sequence get their score divided by the penalty when positive, multiplied when negative (CTRL's rule, as transformers applies it).</summary>
public sealed class RepetitionPenaltyProcessor : LogitsProcessor
{
    private readonly float _penalty;

    /// <summary>Creates the processor; a penalty above 1 discourages repetition.</summary>
    public RepetitionPenaltyProcessor(double penalty)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(penalty);
        _penalty = (float)penalty;
    }

    /// <inheritdoc />
    public override void Process(ReadOnlySpan<int> sequence, int promptLength, Span<float> scores)
    {
        var seen = new HashSet<int>();
        foreach (var token in sequence)
        {
            if ((uint)token < (uint)scores.Length && seen.Add(token))
            {
                var s = scores[token];
                scores[token] = s < 0 ? s * _penalty : s / _penalty;
            }
        }
    }
}
