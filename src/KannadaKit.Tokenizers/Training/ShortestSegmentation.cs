using System.Text.Json.Nodes;
using KannadaKit.Tokenizers.Models;

namespace KannadaKit.Tokenizers.Training;

/// <summary>
/// Turns a trained byte-level BPE vocabulary into a Unigram model whose Viterbi path is the segmentation with the
/// fewest tokens (<see cref="TokenSegmentation.Shortest"/>). Merge order makes BPE cut an unseen word where its first
/// merges happened to fall (ಪ್|ರಿಂ|ಟರು|ಗಳನ್ನು); the shortest path over the same vocabulary finds ಪ್ರಿಂ|ಟರು|ಗಳನ್ನು.
/// Each piece scores ln p − <see cref="TokenCost"/>, p being how often the shortest paths over the training text use
/// it, so among paths of equal length the likelier pieces win.
/// </summary>
internal static class ShortestSegmentation
{
    /// <summary>
    /// Per-token cost. Log-probabilities of a 32k vocabulary trained on megabytes of text span about 20 nats, so one
    /// token more always costs more than any gain in likelihood for pre-tokens of up to ~500 tokens (whole lines,
    /// with multi-word pieces); past that the likelihood may trade one token for much likelier pieces.
    /// </summary>
    public const double TokenCost = 10_000;

    // Rounds of counting: fewest tokens with uniform scores, then again with the likelihood tie-breaks in place.
    // Both run the runtime's Viterbi, so training counts exactly the paths encoding will take.
    private const int Rounds = 2;

    /// <summary>
    /// The Unigram model for <paramref name="vocab"/> (id order: specials, the 256 byte symbols, then the merged
    /// pieces, all kept so ids match the BPE vocabulary), with usage counted over <paramref name="texts"/>
    /// (byte-level pre-tokens or whole lines, with counts).
    /// </summary>
    /// <remarks>
    /// Pruning pieces the shortest paths never use and learning others instead was measured: 1.646 → 1.639 tokens
    /// per word on FLORES, at the price of 1.2 → 1.6 % of aksharas split. Not worth it; all BPE pieces stay.
    /// </remarks>
    public static JsonObject Model(IReadOnlyList<string> vocab, int specials, IEnumerable<(string Text, long Count)> texts)
    {
        var data = texts.ToList();
        // Round one: every piece costs the same, so the runtime's own Viterbi finds the fewest tokens. Special tokens
        // are never split off in training text, so they must never win a path there.
        var scores = new double[vocab.Count];
        for (var id = 0; id < vocab.Count; id++)
        {
            scores[id] = id < specials ? -TokenCost * 1000 : -1;
        }

        var path = new List<ModelToken>();
        for (var round = 0; round < Rounds; round++)
        {
            var model = new UnigramModel([.. vocab.Select((piece, id) => (piece, scores[id]))], unknownId: null, byteFallback: false);
            var usage = new double[vocab.Count];
            foreach (var (text, count) in data)
            {
                path.Clear();
                model.Tokenize(text, path);
                foreach (var token in path)
                {
                    usage[token.Id] += count;
                }
            }

            // Add-half smoothing keeps unused pieces (kept for the ids) finite and below used ones.
            var total = usage.Sum() + (0.5 * vocab.Count);
            for (var id = specials; id < vocab.Count; id++)
            {
                scores[id] = Math.Log((usage[id] + 0.5) / total) - TokenCost;
            }
        }

        // Special tokens never reach the model at run time (they are split off first); score them lowest anyway.
        var min = scores.Skip(specials).Min();
        var array = new JsonArray();
        for (var id = 0; id < vocab.Count; id++)
        {
            array.Add(new JsonArray(vocab[id], id < specials ? min : scores[id]));
        }

        return new JsonObject
        {
            ["type"] = "Unigram",
            ["unk_id"] = null,
            ["vocab"] = array,
            ["byte_fallback"] = false,
        };
    }
}
