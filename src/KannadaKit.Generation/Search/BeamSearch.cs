using System.Runtime.InteropServices;
using KannadaKit.Generation.Models;
using KannadaKit.Generation.Processors;

namespace KannadaKit.Generation.Search;

/// <summary>
/// Beam search as transformers does it: log-softmax, then the logits processors, then the beam's running sum; the
/// best 2·beams candidates per input are taken in order, end tokens among the first <c>beams</c> become finished
/// hypotheses scored sum / generated_length^length_penalty (the end token counted), the rest continue.
/// </summary>
internal static class BeamSearch
{
    public static List<List<GeneratedSequence>> Run(IStepModel model, IReadOnlyList<int[]> prompts, GenerationSettings settings,
        CancellationToken cancellationToken)
    {
        var beams = settings.NumBeams;
        var batch = prompts.Count;
        var rows = new List<List<int>>(batch * beams);
        var promptLengths = new int[batch];
        for (var b = 0; b < batch; b++)
        {
            promptLengths[b] = prompts[b].Length;
            for (var k = 0; k < beams; k++)
            {
                rows.Add([.. prompts[b]]);
            }
        }
        // Only the first beam is live at the start, so the first step does not pick the same token k times.
        var beamScores = new double[batch * beams];
        for (var i = 0; i < beamScores.Length; i++)
        {
            beamScores[i] = i % beams == 0 ? 0 : -1e9;
        }
        var finished = Enumerable.Range(0, batch).Select(_ => new List<GeneratedSequence>()).ToArray();
        var done = new bool[batch];
        var reachedLimit = new bool[batch];
        var candidatesPerInput = Math.Max(2, 1 + settings.EosTokenIds.Count) * beams;

        while (true)
        {
            var logits = model.Step(rows, cancellationToken, out var vocabulary);
            var sources = new int[rows.Count];
            var tokens = new int[rows.Count];
            var nextScores = new double[rows.Count];
            for (var b = 0; b < batch; b++)
            {
                if (done[b])
                {
                    for (var k = 0; k < beams; k++)
                    {
                        sources[b * beams + k] = b * beams + k;
                        tokens[b * beams + k] = settings.PadTokenId;
                    }
                    continue;
                }
                var curLength = rows[b * beams].Count;
                var maxLength = settings.MaxLengthFor(promptLengths[b]);
                var generatedAfter = curLength + 1 - promptLengths[b];
                // Only the best 2·beams candidates matter: a bounded heap instead of sorting beams × vocabulary.
                var heap = new PriorityQueue<(double Score, int Beam, int Token), (double Score, int Beam, int Token)>(
                    candidatesPerInput + 1, Comparer<(double Score, int Beam, int Token)>.Create(Worse));
                for (var k = 0; k < beams; k++)
                {
                    var r = b * beams + k;
                    var row = logits.AsSpan(r * vocabulary, vocabulary);
                    var logProbabilities = Softmax.LogOf(row);
                    var processed = Array.ConvertAll(logProbabilities, v => (float)v);
                    foreach (var p in settings.Processors)
                    {
                        p.Process(CollectionsMarshal.AsSpan(rows[r]), promptLengths[b], processed);
                    }
                    for (var t = 0; t < vocabulary; t++)
                    {
                        if (float.IsNegativeInfinity(processed[t]))
                        {
                            continue;
                        }
                        var candidate = (beamScores[r] + processed[t], k, t);
                        if (heap.Count < candidatesPerInput)
                        {
                            heap.Enqueue(candidate, candidate);
                        }
                        else if (Worse(heap.Peek(), candidate) < 0)
                        {
                            heap.DequeueEnqueue(candidate, candidate);
                        }
                    }
                }
                var candidates = new List<(double Score, int Beam, int Token)>(heap.Count);
                while (heap.Count > 0)
                {
                    candidates.Add(heap.Dequeue());
                }
                // Best first; ties keep the lower beam and token, as a stable top-k does.
                candidates.Reverse();
                var next = 0;
                for (var rank = 0; rank < candidates.Count && next < beams; rank++)
                {
                    var (score, beam, token) = candidates[rank];
                    var source = b * beams + beam;
                    if (settings.IsEos(token))
                    {
                        if (rank < beams)
                        {
                            var hypothesis = rows[source].Skip(promptLengths[b]).Append(token).ToArray();
                            AddFinished(finished[b], beams, new GeneratedSequence(hypothesis,
                                score / Math.Pow(generatedAfter, settings.LengthPenalty), FinishReason.EndToken));
                        }
                        continue;
                    }
                    sources[b * beams + next] = source;
                    tokens[b * beams + next] = token;
                    nextScores[b * beams + next] = score;
                    next++;
                }
                for (; next < beams; next++)
                {
                    // Fewer live candidates than beams (a tiny vocabulary, or processors banning most tokens).
                    sources[b * beams + next] = b * beams;
                    tokens[b * beams + next] = settings.PadTokenId;
                    nextScores[b * beams + next] = -1e9;
                }
                done[b] = IsDone(finished[b], beams, settings, nextScores[b * beams], curLength + 1, promptLengths[b], maxLength);
                if (curLength + 1 >= maxLength)
                {
                    reachedLimit[b] = !done[b];
                    done[b] = true;
                }
            }

            var reordered = new List<List<int>>(rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                reordered.Add([.. rows[sources[r]], tokens[r]]);
            }
            beamScores = nextScores;
            rows = reordered;
            model.Reorder(sources);

            // Inputs that reached their length limit this step contribute their running beams as hypotheses.
            for (var b = 0; b < batch; b++)
            {
                if (!reachedLimit[b])
                {
                    continue;
                }
                reachedLimit[b] = false;
                for (var k = 0; k < beams; k++)
                {
                    var r = b * beams + k;
                    if (beamScores[r] > -1e8)
                    {
                        var generated = rows[r].Skip(promptLengths[b]).ToArray();
                        AddFinished(finished[b], beams, new GeneratedSequence(generated,
                            beamScores[r] / Math.Pow(generated.Length, settings.LengthPenalty), FinishReason.Length));
                    }
                }
            }
            if (done.All(d => d))
            {
                break;
            }
        }
        return finished.Select(f => f.Take(settings.NumReturnSequences).ToList()).ToList();
    }

    /// <summary>Orders candidates worst first: lower score, then (on ties) the higher beam and token.</summary>
    private static int Worse((double Score, int Beam, int Token) x, (double Score, int Beam, int Token) y) =>
        x.Score != y.Score ? x.Score.CompareTo(y.Score)
        : x.Beam != y.Beam ? y.Beam.CompareTo(x.Beam)
        : y.Token.CompareTo(x.Token);

    private static void AddFinished(List<GeneratedSequence> finished, int beams, GeneratedSequence hypothesis)
    {
        var at = finished.FindIndex(f => f.Score < hypothesis.Score);
        finished.Insert(at < 0 ? finished.Count : at, hypothesis);
        if (finished.Count > beams)
        {
            finished.RemoveAt(finished.Count - 1);
        }
    }

    /// <summary>transformers' stopping rule for one input, given the best running sum after this step.</summary>
    private static bool IsDone(List<GeneratedSequence> finished, int beams, GenerationSettings settings, double bestRunning,
        int curLength, int promptLength, int maxLength)
    {
        if (finished.Count < beams)
        {
            return false;
        }
        if (settings.EarlyStopping == EarlyStopping.WhenBeamsFinished)
        {
            return true;
        }
        var length = settings.EarlyStopping == EarlyStopping.Never && settings.LengthPenalty > 0
            ? maxLength - promptLength
            : curLength - promptLength;
        var bestPossible = bestRunning / Math.Pow(Math.Max(length, 1), settings.LengthPenalty);
        return finished[^1].Score >= bestPossible;
    }
}
