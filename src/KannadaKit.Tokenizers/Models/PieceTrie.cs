namespace KannadaKit.Tokenizers.Models;

/// <summary>
/// A prefix tree over vocabulary pieces (UTF-16 units), so a Viterbi pass walks only as far as some piece continues
/// instead of probing every length up to the longest piece (multi-word pieces reach dozens of characters).
/// Immutable once built; safe to share between threads.
/// </summary>
internal sealed class PieceTrie
{
    // Edges keyed by (node << 16) | character; one flat table keeps a 32k vocabulary at a few hundred kilobytes.
    private readonly Dictionary<long, int> _edges = new(PairKeyComparer.Instance);
    private readonly List<int> _ids = [-1];

    /// <summary>Builds the trie from piece → id (the model's own lookup, so both agree on repeated pieces).</summary>
    public PieceTrie(IEnumerable<KeyValuePair<string, int>> pieces)
    {
        foreach (var (piece, id) in pieces)
        {
            var node = 0;
            foreach (var c in piece)
            {
                var key = ((long)node << 16) | c;
                if (!_edges.TryGetValue(key, out var next))
                {
                    next = _ids.Count;
                    _ids.Add(-1);
                    _edges[key] = next;
                }

                node = next;
            }

            if (node != 0)
            {
                _ids[node] = id;
            }
        }
    }

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="c"/>, if any piece continues so.</summary>
    public bool TryStep(int node, char c, out int next) => _edges.TryGetValue(((long)node << 16) | c, out next);

    /// <summary>The id of the piece that ends at <paramref name="node"/>, or −1.</summary>
    public int IdAt(int node) => _ids[node];
}
