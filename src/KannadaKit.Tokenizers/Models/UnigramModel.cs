using System.Text;

namespace KannadaKit.Tokenizers.Models;

/// <summary>
/// Unigram language model: the Viterbi path of highest total log-probability over the vocabulary pieces. Characters no
/// piece covers become the unknown piece (score = lowest score − 10), consecutive unknowns fused; with byte fallback an
/// unknown becomes its UTF-8 byte pieces.
/// </summary>
internal sealed class UnigramModel : TokenModel
{
    private const double UnknownPenalty = 10.0;

    private readonly string[] _pieces;
    private readonly double[] _scores;
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idsBySpan;
    private readonly PieceTrie _trie;
    private readonly double _unknownScore;
    private readonly int[]? _byteIds;

    public UnigramModel(IReadOnlyList<(string Piece, double Score)> vocab, int? unknownId, bool byteFallback)
        : base(cached: true)
    {
        _pieces = new string[vocab.Count];
        _scores = new double[vocab.Count];
        _ids = new Dictionary<string, int>(vocab.Count, StringComparer.Ordinal);
        var min = double.MaxValue;
        for (var i = 0; i < vocab.Count; i++)
        {
            _pieces[i] = vocab[i].Piece;
            _scores[i] = vocab[i].Score;
            _ids.TryAdd(vocab[i].Piece, i);
            min = Math.Min(min, vocab[i].Score);
        }

        _idsBySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _trie = new PieceTrie(_ids);
        _unknownScore = (vocab.Count == 0 ? 0 : min) - UnknownPenalty;
        UnknownId = unknownId;
        if (byteFallback)
        {
            _byteIds = new int[256];
            for (var b = 0; b < 256; b++)
            {
                _byteIds[b] = _ids.TryGetValue($"<0x{b:X2}>", out var id) ? id : -1;
            }
        }
    }

    public int? UnknownId { get; }

    public override int VocabSize => _pieces.Length;

    public IReadOnlyList<string> Pieces => _pieces;

    public double ScoreOf(int id) => _scores[id];

    public override string? IdToToken(int id) => (uint)id < (uint)_pieces.Length ? _pieces[id] : null;

    public override int? TokenToId(string token) => _ids.TryGetValue(token, out var id) ? id : null;

    protected override void Encode(ReadOnlySpan<char> text, List<ModelToken> output)
    {
        var n = text.Length;
        if (n == 0)
        {
            return;
        }

        var lattice = new ViterbiLattice(n);
        var unknown = UnknownId ?? -1;
        for (var start = 0; start < n;)
        {
            var charWidth = char.IsHighSurrogate(text[start]) && start + 1 < n && char.IsLowSurrogate(text[start + 1]) ? 2 : 1;
            var hasSingle = false;
            var node = 0;
            for (var end = start + 1; end <= n && _trie.TryStep(node, text[end - 1], out node); end++)
            {
                var id = _trie.IdAt(node);
                if (id < 0)
                {
                    continue;
                }

                lattice.Offer(start, end, id, _scores[id]);
                hasSingle |= end - start == charWidth;
            }

            if (!hasSingle)
            {
                lattice.Offer(start, start + charWidth, unknown, _unknownScore);
            }

            start += charWidth;
        }

        // Consecutive unknowns fuse into one.
        var pieces = new List<(int Start, int End, int Id)>();
        foreach (var piece in lattice.BestPath())
        {
            if (piece.Id == unknown && pieces.Count > 0 && pieces[^1].Id == unknown && UnknownId is not null)
            {
                pieces[^1] = (pieces[^1].Start, piece.End, unknown);
            }
            else
            {
                pieces.Add(piece);
            }
        }

        foreach (var (s, e, id) in pieces)
        {
            var surface = text[s..e];
            if (id >= 0 && id != unknown)
            {
                output.Add(new ModelToken(id, s, e));
                continue;
            }

            // An unknown stretch: its surface may still be a vocabulary piece (e.g. the unknown piece's own text).
            if (_idsBySpan.TryGetValue(surface, out var known))
            {
                output.Add(new ModelToken(known, s, e));
                continue;
            }

            if (_byteIds is not null && TryBytes(surface, s, e, output))
            {
                continue;
            }

            if (UnknownId is null)
            {
                throw new TokenizerException($"the text contains \"{surface.ToString()}\", which no piece covers, and the model has no unk_id");
            }

            output.Add(new ModelToken(unknown, s, e, surface.ToString()));
        }
    }

    private bool TryBytes(ReadOnlySpan<char> surface, int s, int e, List<ModelToken> output)
    {
        var bytes = Encoding.UTF8.GetBytes(surface.ToArray());
        foreach (var b in bytes)
        {
            if (_byteIds![b] < 0)
            {
                return false;
            }
        }

        foreach (var b in bytes)
        {
            output.Add(new ModelToken(_byteIds![b], s, e));
        }

        return true;
    }
}
