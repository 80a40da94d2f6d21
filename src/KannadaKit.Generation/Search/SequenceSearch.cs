using KannadaKit.Generation.Models;
using KannadaKit.Generation.Processors;

namespace KannadaKit.Generation.Search;

/// <summary>
/// Greedy search and sampling over a batch: each row independently takes the best (or a sampled) token after the
/// logits processors, until an end token or its length limit. Rows never see each other's padding, so a batch gives
/// the same tokens as running each input alone.
/// </summary>
internal static class SequenceSearch
{
    public static List<GeneratedSequence> Run(IStepModel model, IReadOnlyList<int[]> prompts, GenerationSettings settings,
        Action<int, int>? onToken, CancellationToken cancellationToken)
    {
        var rows = prompts.Select(p => new List<int>(p)).ToList();
        var promptLengths = prompts.Select(p => p.Length).ToArray();
        var finished = new FinishReason?[rows.Count];
        var scores = new double[rows.Count];
        var random = settings.DoSample ? new Random(settings.Seed ?? Random.Shared.Next()) : null;

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count >= settings.MaxLengthFor(promptLengths[r]))
            {
                finished[r] = FinishReason.Length;
            }
        }
        while (finished.Any(f => f is null))
        {
            var logits = model.Step(rows, cancellationToken, out var vocabulary);
            for (var r = 0; r < rows.Count; r++)
            {
                if (finished[r] is not null)
                {
                    // Finished rows keep pace with padding so every row grows by one token per step.
                    rows[r].Add(settings.PadTokenId);
                    continue;
                }
                var row = logits.AsSpan(r * vocabulary, vocabulary);
                var sequence = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows[r]);
                foreach (var p in settings.Processors)
                {
                    p.Process(sequence, promptLengths[r], row);
                }
                var logProbabilities = Softmax.LogOf(row);
                int token;
                if (random is null)
                {
                    token = ArgMax(row);
                }
                else
                {
                    foreach (var w in settings.Warpers)
                    {
                        w.Process(sequence, promptLengths[r], row);
                    }
                    token = Sample(row, random);
                }
                scores[r] += logProbabilities[token];
                rows[r].Add(token);
                onToken?.Invoke(r, token);
                if (settings.IsEos(token))
                {
                    finished[r] = FinishReason.EndToken;
                }
                else if (rows[r].Count >= settings.MaxLengthFor(promptLengths[r]))
                {
                    finished[r] = FinishReason.Length;
                }
            }
        }
        return rows.Select((row, r) =>
        {
            var generated = row.Skip(promptLengths[r]).ToList();
            var end = finished[r] == FinishReason.EndToken ? generated.FindIndex(settings.IsEos) + 1 : generated.Count;
            if (finished[r] == FinishReason.Length)
            {
                end = Math.Min(generated.Count, settings.MaxLengthFor(promptLengths[r]) - promptLengths[r]);
            }
            return new GeneratedSequence(generated.Take(Math.Max(end, 0)).ToArray(), scores[r], finished[r]!.Value);
        }).ToList();
    }

    /// <summary>The first index of the highest score (torch.argmax's tie rule).</summary>
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }
        return best;
    }

    private static int Sample(ReadOnlySpan<float> scores, Random random)
    {
        var probabilities = Softmax.Of(scores);
        var target = random.NextDouble();
        double cumulative = 0;
        var last = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (probabilities[i] <= 0)
            {
                continue;
            }
            last = i;
            cumulative += probabilities[i];
            if (target < cumulative)
            {
                return i;
            }
        }
        return last;
    }
}
