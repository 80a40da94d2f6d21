namespace KannadaKit.Generation.Processors;

/// <summary>Nucleus sampling: keeps the most likely tokens whose probabilities sum to at least p (always at least one).</summary>
public sealed class TopPWarper : LogitsProcessor
{
    private readonly double _p;

    /// <summary>Creates the warper with 0 &lt; p ≤ 1.</summary>
    public TopPWarper(double p)
    {
        if (p is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "top_p must be in (0, 1]");
        }
        _p = p;
    }

    /// <inheritdoc />
    public override void Process(ReadOnlySpan<int> sequence, int promptLength, Span<float> scores)
    {
        if (_p >= 1)
        {
            return;
        }
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        Array.Reverse(order);
        var probabilities = Softmax.Of(scores);
        double cumulative = 0;
        var keep = 0;
        while (keep < order.Length)
        {
            cumulative += probabilities[order[keep]];
            keep++;
            if (cumulative >= _p)
            {
                break;
            }
        }
        for (var i = keep; i < order.Length; i++)
        {
            scores[order[i]] = float.NegativeInfinity;
        }
    }
}
