namespace KannadaKit.Generation.Processors;

/// <summary>
/// Changes one row's next-token scores in place, given the sequence so far (prompt included for decoder-only
/// models; the decoder sequence, start token included, for encoder-decoder ones). Processors compose: the engine
/// applies a list in order. Implementations must be stateless or thread-safe; a banned token gets -infinity.
/// </summary>
public abstract class LogitsProcessor
{
    /// <summary>Adjusts <paramref name="scores"/> (one per vocabulary entry).</summary>
    /// <param name="sequence">The tokens so far; its length is transformers' <c>cur_len</c>.</param>
    /// <param name="promptLength">How many of them were given rather than generated.</param>
    /// <param name="scores">The scores to change.</param>
    public abstract void Process(ReadOnlySpan<int> sequence, int promptLength, Span<float> scores);

    /// <summary>Sets a token's score to -infinity when it is in the vocabulary.</summary>
    protected static void Ban(Span<float> scores, int token)
    {
        if ((uint)token < (uint)scores.Length)
        {
            scores[token] = float.NegativeInfinity;
        }
    }

    /// <summary>Leaves only <paramref name="token"/> possible.</summary>
    protected static void Force(Span<float> scores, int token)
    {
        scores.Fill(float.NegativeInfinity);
        if ((uint)token < (uint)scores.Length)
        {
            scores[token] = 0;
        }
    }
}
