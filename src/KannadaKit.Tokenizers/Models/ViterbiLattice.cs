namespace KannadaKit.Tokenizers.Models;

/// <summary>
/// The Viterbi lattice both Unigram runtimes search (tokenizer.json's Unigram model and the SentencePiece .model
/// runtime): for each UTF-16 position, the best-scoring path that ends there. Callers offer every piece they find
/// starting at a reached position, in order of position; ties keep the piece offered first, as both references do.
/// </summary>
internal sealed class ViterbiLattice
{
    private readonly double[] _score;
    private readonly int[] _from;
    private readonly int[] _ids;

    public ViterbiLattice(int length)
    {
        _score = new double[length + 1];
        _from = new int[length + 1];
        _ids = new int[length + 1];
        Array.Fill(_from, -1);
        _from[0] = 0;
    }

    /// <summary>Offers piece <paramref name="id"/> over [start, end) with its log-probability.</summary>
    public void Offer(int start, int end, int id, double pieceScore)
    {
        var candidate = _score[start] + pieceScore;
        if (_from[end] < 0 || candidate > _score[end])
        {
            _score[end] = candidate;
            _from[end] = start;
            _ids[end] = id;
        }
    }

    /// <summary>The best path over the whole text, first piece first.</summary>
    public List<(int Start, int End, int Id)> BestPath()
    {
        var path = new List<(int, int, int)>();
        for (var end = _score.Length - 1; end > 0; end = _from[end])
        {
            path.Add((_from[end], end, _ids[end]));
        }

        path.Reverse();
        return path;
    }
}
