using System.Text;

namespace KannadaKit.Tokenizers.SentencePiece;

/// <summary>
/// A SentencePiece <c>.model</c> (Unigram or BPE) run natively, giving the ids <c>spm_encode --output_format=id</c>
/// gives: SentencePiece's normalizer, Viterbi for Unigram, score-ordered merges for BPE, byte fallback, and
/// beginning/end-of-sentence ids only when asked for.
/// </summary>
public sealed class SentencePieceTokenizer : Tokenizer
{
    private readonly SentencePieceModelFile _model;
    private readonly SentencePieceNormalizer _normalizer;
    private readonly Dictionary<string, int> _pieces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _piecesBySpan;
    private readonly Dictionary<string, int> _reserved = new(StringComparer.Ordinal);
    private readonly Models.PieceTrie _trie;
    private readonly double[] _latticeScores;
    private readonly float _minScore;
    private readonly float _maxScore;
    private readonly int[] _byteIds = new int[256];
    private readonly Dictionary<int, byte> _byteOfId = [];
    private readonly List<string> _userDefined = [];

    private SentencePieceTokenizer(SentencePieceModelFile model, bool addBos, bool addEos, string source)
    {
        _model = model;
        Source = source;
        AddBeginningOfSentence = addBos;
        AddEndOfSentence = addEos;
        if (model.ModelType is not (1 or 2))
        {
            throw new TokenizerFormatException(source, "trainer_spec.model_type",
                $"model type {model.ModelType} is not supported (expected 1 unigram or 2 BPE)");
        }

        _minScore = float.MaxValue;
        _maxScore = float.MinValue;
        Array.Fill(_byteIds, -1);
        var userDefined = _userDefined;
        for (var i = 0; i < model.Pieces.Count; i++)
        {
            var p = model.Pieces[i];
            if (p.Type is PieceType.Normal or PieceType.UserDefined or PieceType.Unused)
            {
                _pieces.TryAdd(p.Piece, i);
            }
            else
            {
                _reserved.TryAdd(p.Piece, i);
            }

            if (p.Type == PieceType.Normal)
            {
                _minScore = Math.Min(_minScore, p.Score);
                _maxScore = Math.Max(_maxScore, p.Score);
            }

            if (p.Type == PieceType.UserDefined)
            {
                userDefined.Add(p.Piece);
            }

            if (p.Type == PieceType.Byte && p.Piece.Length == 6 && byte.TryParse(p.Piece.AsSpan(3, 2),
                    System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b))
            {
                _byteIds[b] = i;
                _byteOfId[i] = b;
            }
        }

        _piecesBySpan = _pieces.GetAlternateLookup<ReadOnlySpan<char>>();
        // Unigram walks a prefix tree over the pieces (probing every length up to the longest piece hashed O(L²)
        // characters per position), with each piece's lattice score worked out once; unused pieces never match.
        _trie = new Models.PieceTrie(_pieces.Where(kv => model.Pieces[kv.Value].Type != PieceType.Unused));
        _latticeScores = new double[model.Pieces.Count];
        for (var i = 0; i < model.Pieces.Count; i++)
        {
            var p = model.Pieces[i];
            _latticeScores[i] = p.Type == PieceType.UserDefined ? (Encoding.UTF8.GetByteCount(p.Piece) * _maxScore) - 0.1 : p.Score;
        }

        userDefined.Sort((a, b) => b.Length.CompareTo(a.Length));
        try
        {
            _normalizer = new SentencePieceNormalizer(model, userDefined);
        }
        catch (FormatException e)
        {
            throw new TokenizerFormatException(source, "normalizer_spec.precompiled_charsmap", e.Message);
        }
    }

    /// <summary>Where the model was read from.</summary>
    public string Source { get; }

    /// <summary>Whether encoding (with special tokens on) starts with the BOS id.</summary>
    public bool AddBeginningOfSentence { get; }

    /// <summary>Whether encoding (with special tokens on) ends with the EOS id.</summary>
    public bool AddEndOfSentence { get; }

    /// <summary>True for a BPE model, false for Unigram.</summary>
    public bool IsBpe => _model.ModelType == 2;

    /// <inheritdoc/>
    public override int VocabularySize => _model.Pieces.Count;

    /// <summary>
    /// Loads a .model file. Like spm_encode, no BOS/EOS ids are added unless asked for. A malformed file throws
    /// <see cref="TokenizerFormatException"/> naming the byte offset.
    /// </summary>
    public static SentencePieceTokenizer FromFile(string path, bool addBeginningOfSentence = false, bool addEndOfSentence = false)
    {
        var bytes = TokenizerFile.ReadAllBytes(path);
        return FromBytes(bytes, path, addBeginningOfSentence, addEndOfSentence);
    }

    /// <summary>Loads the bytes of a .model file; <paramref name="sourceName"/> names it in errors.</summary>
    public static SentencePieceTokenizer FromBytes(ReadOnlySpan<byte> content, string sourceName, bool addBeginningOfSentence = false, bool addEndOfSentence = false) =>
        new(SentencePieceModelFile.Parse(content, sourceName), addBeginningOfSentence, addEndOfSentence, sourceName);

    /// <inheritdoc/>
    public override int? UnknownTokenId => _model.UnknownId;

    /// <inheritdoc/>
    public override string? IdToToken(int id) => (uint)id < (uint)_model.Pieces.Count ? _model.Pieces[id].Piece : null;

    /// <inheritdoc/>
    public override int? TokenToId(string token) =>
        _reserved.TryGetValue(token, out var r) ? r : _pieces.TryGetValue(token, out var p) ? p : null;

    /// <inheritdoc/>
    public override TokenEncoding Encode(ReadOnlySpan<char> text, bool addSpecialTokens = true)
    {
        var tokens = EncodeCore(text, addSpecialTokens);
        return Build(tokens);
    }

    /// <summary>SentencePiece has no pair template: the two encodings are concatenated, the second with segment id 1.</summary>
    public override TokenEncoding EncodePair(string first, string second, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var a = EncodeCore(first, addSpecialTokens);
        var b = EncodeCore(second, addSpecialTokens).Select(t => t with { TypeId = 1 });
        return Build([.. a, .. b]);
    }

    /// <inheritdoc/>
    public override void EncodeToIds(ReadOnlySpan<char> text, List<int> ids, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var t in EncodeCore(text, addSpecialTokens))
        {
            ids.Add(t.Id);
        }
    }

    /// <summary>Decodes as spm_decode does: ▁ to space, the leading dummy space dropped, bytes reassembled, unknowns as " ⁇ ".</summary>
    public override string Decode(IEnumerable<int> ids, bool skipSpecialTokens)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var sb = new StringBuilder();
        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)_model.Pieces.Count)
            {
                continue;
            }

            var p = _model.Pieces[id];
            if (p.Type == PieceType.Byte && _byteOfId.TryGetValue(id, out var byteValue))
            {
                bytes.Add(byteValue);
                continue;
            }

            FlushBytes(bytes, sb);
            switch (p.Type)
            {
                case PieceType.Control:
                    if (!skipSpecialTokens)
                    {
                        sb.Append(p.Piece);
                    }

                    break;
                case PieceType.Unknown:
                    sb.Append(_model.UnknownSurface);
                    break;
                default:
                    var piece = p.Piece;
                    if (sb.Length == 0 && _model.AddDummyPrefix && !_model.TreatWhitespaceAsSuffix && piece.StartsWith('\u2581'))
                    {
                        piece = piece[1..];
                    }

                    sb.Append(piece.Replace('\u2581', ' '));
                    break;
            }
        }

        FlushBytes(bytes, sb);
        if (_model.AddDummyPrefix && _model.TreatWhitespaceAsSuffix && sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    protected override TokenEncoding Truncate(ReadOnlySpan<char> text, int maxTokenCount, bool addSpecialTokens, out int charsConsumed)
    {
        var content = EncodeCore(text, addSpecialTokens: false);
        var specials = addSpecialTokens ? (AddBeginningOfSentence ? 1 : 0) + (AddEndOfSentence ? 1 : 0) : 0;
        var keep = Math.Clamp(maxTokenCount - specials, 0, content.Count);
        while (keep > 0 && keep < content.Count && content[keep].Start < content[keep - 1].End)
        {
            keep--;
        }

        charsConsumed = keep == content.Count ? text.Length : keep == 0 ? 0 : content[keep - 1].End;
        if (maxTokenCount < specials)
        {
            return Build([]);
        }

        return Build(WithSpecials(content.GetRange(0, keep), addSpecialTokens));
    }

    private List<Pipeline.Tok> WithSpecials(List<Pipeline.Tok> tokens, bool addSpecialTokens)
    {
        if (addSpecialTokens && AddBeginningOfSentence && _model.BosId >= 0)
        {
            tokens.Insert(0, new Pipeline.Tok(_model.BosId, _model.Pieces[_model.BosId].Piece, 0, 0, 0, true));
        }

        if (addSpecialTokens && AddEndOfSentence && _model.EosId >= 0)
        {
            tokens.Add(new Pipeline.Tok(_model.EosId, _model.Pieces[_model.EosId].Piece, 0, 0, 0, true));
        }

        return tokens;
    }

    private TokenEncoding Build(List<Pipeline.Tok> tokens) => new(
        tokens.Select(t => t.Id).ToArray(),
        tokens.Select(t => t.Value ?? IdToToken(t.Id) ?? string.Empty).ToArray(),
        tokens.Select(t => (t.Start, t.End)).ToArray(),
        tokens.Select(t => t.TypeId).ToArray(),
        tokens.Select(t => t.Special).ToArray());

    private List<Pipeline.Tok> EncodeCore(ReadOnlySpan<char> text, bool addSpecialTokens)
    {
        var (normalized, starts, ends) = _normalizer.Normalize(text);
        var pieces = IsBpe ? EncodeBpe(normalized) : EncodeUnigram(normalized);
        var output = new List<Pipeline.Tok>(pieces.Count + 2);
        var unk = _model.UnknownId;
        for (var i = 0; i < pieces.Count; i++)
        {
            var (s, e, id) = pieces[i];
            // Consecutive unknown pieces are one unknown, covering all their text.
            while (id == unk && i + 1 < pieces.Count && pieces[i + 1].Id == unk)
            {
                e = pieces[++i].End;
            }

            var os = starts[s];
            var oe = ends[e - 1];
            if (id == unk && _model.ByteFallback)
            {
                var bytes = Encoding.UTF8.GetBytes(normalized.Substring(s, e - s));
                if (bytes.All(b => _byteIds[b] >= 0))
                {
                    foreach (var b in bytes)
                    {
                        output.Add(new Pipeline.Tok(_byteIds[b], null, os, oe));
                    }

                    continue;
                }
            }

            output.Add(new Pipeline.Tok(id, null, os, oe));
        }

        return WithSpecials(output, addSpecialTokens);
    }

    private List<(int Start, int End, int Id)> EncodeUnigram(string text)
    {
        var n = text.Length;
        if (n == 0)
        {
            return [];
        }

        var lattice = new Models.ViterbiLattice(n);
        var unkScore = _minScore - 10.0;
        for (var start = 0; start < n;)
        {
            var width = char.IsHighSurrogate(text[start]) && start + 1 < n ? 2 : 1;
            var hasSingle = false;
            var node = 0;
            for (var end = start + 1; end <= n && _trie.TryStep(node, text[end - 1], out node); end++)
            {
                var id = _trie.IdAt(node);
                if (id < 0)
                {
                    continue;
                }

                lattice.Offer(start, end, id, _latticeScores[id]);
                hasSingle |= end - start == width;
            }

            if (!hasSingle)
            {
                lattice.Offer(start, start + width, _model.UnknownId, unkScore);
            }

            start += width;
        }

        return lattice.BestPath();
    }

    private List<(int Start, int End, int Id)> EncodeBpe(string text)
    {
        var result = new List<(int, int, int)>();
        if (text.Length == 0)
        {
            return result;
        }

        // Symbols: characters (user-defined pieces stay whole and never merge).
        var sStart = new List<int>();
        var sEnd = new List<int>();
        var frozen = new List<bool>();
        for (var i = 0; i < text.Length;)
        {
            var len = 0;
            foreach (var piece in _userDefined)
            {
                if (text.AsSpan(i).StartsWith(piece, StringComparison.Ordinal))
                {
                    len = piece.Length;
                    break;
                }
            }

            var isUser = len > 0;
            if (!isUser)
            {
                len = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            }

            sStart.Add(i);
            sEnd.Add(i + len);
            frozen.Add(isUser);
            i += len;
        }

        var count = sStart.Count;
        var prev = new int[count];
        var next = new int[count];
        var alive = new bool[count];
        for (var i = 0; i < count; i++)
        {
            prev[i] = i - 1;
            next[i] = i + 1 < count ? i + 1 : -1;
            alive[i] = true;
        }

        // Highest score first; ties to the leftmost pair.
        var agenda = new PriorityQueue<(int Left, int Right, int Size), (float NegScore, int Left)>();
        var revMerge = new Dictionary<string, (int LS, int LE, int RS, int RE)>(StringComparer.Ordinal);
        void MaybeAdd(int left, int right)
        {
            if (left < 0 || right < 0 || frozen[left] || frozen[right])
            {
                return;
            }

            var span = text.AsSpan(sStart[left], sEnd[right] - sStart[left]);
            if (!_piecesBySpan.TryGetValue(span, out var id))
            {
                return;
            }

            agenda.Enqueue((left, right, span.Length), (-_model.Pieces[id].Score, left));
            if (_model.Pieces[id].Type == PieceType.Unused)
            {
                revMerge[span.ToString()] = (sStart[left], sEnd[left], sStart[right], sEnd[right]);
            }
        }

        for (var i = 1; i < count; i++)
        {
            MaybeAdd(i - 1, i);
        }

        while (agenda.TryDequeue(out var top, out _))
        {
            if (!alive[top.Left] || !alive[top.Right] || next[top.Left] != top.Right
                || sEnd[top.Right] - sStart[top.Left] != top.Size)
            {
                continue;
            }

            sEnd[top.Left] = sEnd[top.Right];
            next[top.Left] = next[top.Right];
            if (next[top.Right] >= 0)
            {
                prev[next[top.Right]] = top.Left;
            }

            alive[top.Right] = false;
            MaybeAdd(prev[top.Left], top.Left);
            MaybeAdd(top.Left, next[top.Left]);
        }

        void Resegment(int s, int e)
        {
            var span = text.AsSpan(s, e - s);
            var id = _piecesBySpan.TryGetValue(span, out var pid) ? pid : _model.UnknownId;
            if (id != _model.UnknownId && _model.Pieces[id].Type == PieceType.Unused
                && revMerge.TryGetValue(span.ToString(), out var halves))
            {
                Resegment(halves.LS, halves.LE);
                Resegment(halves.RS, halves.RE);
                return;
            }

            result.Add((s, e, id));
        }

        for (var i = 0; i != -1; i = next[i])
        {
            Resegment(sStart[i], sEnd[i]);
        }

        return result;
    }

    private static void FlushBytes(List<byte> bytes, StringBuilder sb)
    {
        if (bytes.Count == 0)
        {
            return;
        }

        sb.Append(Encoding.UTF8.GetString([.. bytes]));
        bytes.Clear();
    }
}
