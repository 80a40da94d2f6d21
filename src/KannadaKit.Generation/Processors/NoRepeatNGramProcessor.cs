namespace KannadaKit.Generation.Processors;

/// <summary>Bans every token that would complete an n-gram already present in the sequence.</summary>
public sealed class NoRepeatNGramProcessor : LogitsProcessor
{
    private readonly int _n;

    /// <summary>Creates the processor for n-grams of size <paramref name="n"/> (at least 1).</summary>
    public NoRepeatNGramProcessor(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        _n = n;
    }

    /// <inheritdoc />
    public override void Process(ReadOnlySpan<int> sequence, int promptLength, Span<float> scores)
    {
        var length = sequence.Length;
        if (length + 1 < _n)
        {
            return;
        }
        // The last n-1 tokens are the prefix; any earlier occurrence of it bans the token that followed.
        var prefix = sequence[(length - _n + 1)..];
        for (var start = 0; start + _n <= length; start++)
        {
            if (sequence.Slice(start, _n - 1).SequenceEqual(prefix))
            {
                Ban(scores, sequence[start + _n - 1]);
            }
        }
    }
}
