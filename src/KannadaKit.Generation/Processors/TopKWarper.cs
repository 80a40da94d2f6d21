namespace KannadaKit.Generation.Processors;

/// <summary>Keeps the k best scores (ties with the k-th kept too, as a threshold does) and bans the rest.</summary>
public sealed class TopKWarper : LogitsProcessor
{
    private readonly int _k;

    /// <summary>Creates the warper.</summary>
    public TopKWarper(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        _k = k;
    }

    /// <inheritdoc />
    public override void Process(ReadOnlySpan<int> sequence, int promptLength, Span<float> scores)
    {
        if (_k >= scores.Length)
        {
            return;
        }
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        var threshold = sorted[^_k];
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] < threshold)
            {
                scores[i] = float.NegativeInfinity;
            }
        }
    }
}
