namespace KannadaKit.Generation.Processors;

/// <summary>Bans token sequences: a one-token entry always, a longer one when the sequence ends with all but its last token.</summary>
public sealed class BadWordsProcessor : LogitsProcessor
{
    private readonly int[][] _words;

    /// <summary>Creates the processor.</summary>
    public BadWordsProcessor(IEnumerable<IReadOnlyList<int>> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = [.. words.Where(w => w.Count > 0).Select(w => w.ToArray())];
    }

    /// <inheritdoc />
    public override void Process(ReadOnlySpan<int> sequence, int promptLength, Span<float> scores)
    {
        foreach (var word in _words)
        {
            var prefix = word.AsSpan(0, word.Length - 1);
            if (sequence.EndsWith(prefix))
            {
                Ban(scores, word[^1]);
            }
        }
    }
}
