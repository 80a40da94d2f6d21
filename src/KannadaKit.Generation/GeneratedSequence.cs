namespace KannadaKit.Generation;

/// <summary>One generated continuation.</summary>
/// <param name="Tokens">The generated tokens (the end token included when one ended the sequence).</param>
/// <param name="Score">Beam search's length-normalized log probability; for greedy and sampling, the sum of the chosen tokens' log probabilities.</param>
/// <param name="FinishReason">Why it stopped.</param>
public sealed record GeneratedSequence(IReadOnlyList<int> Tokens, double Score, FinishReason FinishReason);
