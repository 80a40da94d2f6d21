using System.Text;

namespace KannadaKit.Tokenizers.Models;

/// <summary>
/// Byte-pair encoding: characters (with optional prefix/suffix, byte fallback or unknown token) merged by rank, lowest
/// first and leftmost on ties, as the HF library does.
/// </summary>
internal sealed class BpeModel : TokenModel
{
    private readonly Dictionary<string, int> _vocab;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabBySpan;
    private readonly string[] _byId;
    private readonly Dictionary<long, (int Rank, int NewId)> _merges;
    private readonly int[]? _byteIds;
    private readonly int _unknownId;

    /// <param name="vocab">Token → id.</param>
    /// <param name="merges">Merge pairs, by priority.</param>
    /// <param name="options">The model's settings.</param>
    /// <param name="badMerge">Makes the error for a merge naming a token the vocabulary lacks.</param>
    /// <param name="ranks">Each merge's rank when not its index (tiktoken: the rank of the merged token, so pairs that
    /// make the same token tie, and the leftmost goes first).</param>
    public BpeModel(Dictionary<string, int> vocab, IReadOnlyList<(string Left, string Right)> merges, BpeOptions options,
        Func<int, string, Exception> badMerge, IReadOnlyList<int>? ranks = null)
        : base(cached: true)
    {
        Options = options;
        _vocab = vocab;
        _vocabBySpan = vocab.GetAlternateLookup<ReadOnlySpan<char>>();
        _byId = ById(vocab);

        _merges = new Dictionary<long, (int, int)>(merges.Count, PairKeyComparer.Instance);
        var prefixLength = options.ContinuingSubwordPrefix?.Length ?? 0;
        for (var rank = 0; rank < merges.Count; rank++)
        {
            var (left, right) = merges[rank];
            if (!vocab.TryGetValue(left, out var a))
            {
                throw badMerge(rank, left);
            }

            if (!vocab.TryGetValue(right, out var b))
            {
                throw badMerge(rank, right);
            }

            // With a continuing-subword prefix the merged token drops the right side's prefix.
            var merged = prefixLength > 0 && right.StartsWith(options.ContinuingSubwordPrefix!, StringComparison.Ordinal)
                ? left + right[prefixLength..]
                : left + right;
            if (!vocab.TryGetValue(merged, out var id))
            {
                throw badMerge(rank, merged);
            }

            // A pair listed twice takes its last rank, as the HF library's map does.
            _merges[Key(a, b)] = (ranks?[rank] ?? rank, id);
        }

        _unknownId = options.UnknownToken is not null && vocab.TryGetValue(options.UnknownToken, out var unk) ? unk : -1;
        if (options.ByteFallback)
        {
            var ids = new int[256];
            for (var i = 0; i < 256; i++)
            {
                ids[i] = vocab.TryGetValue($"<0x{i:X2}>", out var bid) ? bid : -1;
            }

            _byteIds = ids;
        }
    }

    public BpeOptions Options { get; }

    public override int VocabSize => _vocab.Count;

    public IReadOnlyDictionary<string, int> Vocabulary => _vocab;

    public override string? IdToToken(int id) => (uint)id < (uint)_byId.Length ? _byId[id] : null;

    public override int? TokenToId(string token) => _vocab.TryGetValue(token, out var id) ? id : null;

    protected override void Encode(ReadOnlySpan<char> word, List<ModelToken> output)
    {
        if (Options.IgnoreMerges && _vocabBySpan.TryGetValue(word, out var whole))
        {
            output.Add(new ModelToken(whole, 0, word.Length));
            return;
        }

        var affix = (Options.ContinuingSubwordPrefix?.Length ?? 0) + (Options.EndOfWordSuffix?.Length ?? 0);
        var symbols = Symbols.Rent((word.Length * 4) + (affix * 4 * word.Length) + 16);
        try
        {
            var count = InitialSymbols(word, symbols);
            Merge(symbols, count);
            for (var i = 0; i != -1 && count > 0; i = symbols[i].Next)
            {
                output.Add(new ModelToken(symbols[i].Id, symbols[i].Start, symbols[i].End));
            }
        }
        finally
        {
            Symbols.Return(symbols);
        }
    }

    private int InitialSymbols(ReadOnlySpan<char> word, Symbol[] symbols)
    {
        var count = 0;
        var prefix = Options.ContinuingSubwordPrefix;
        var suffix = Options.EndOfWordSuffix;
        var pendingUnknown = (Start: -1, End: -1);
        Span<char> scratch = stackalloc char[64];
        Span<byte> bytes = stackalloc byte[256];
        for (var i = 0; i < word.Length;)
        {
            var width = char.IsHighSurrogate(word[i]) && i + 1 < word.Length && char.IsLowSurrogate(word[i + 1]) ? 2 : 1;
            var ch = word.Slice(i, width);
            var isLast = i + width == word.Length;
            scoped ReadOnlySpan<char> key = ch;
            if ((prefix is not null && i > 0) || (suffix is not null && isLast))
            {
                var p = prefix is not null && i > 0 ? prefix : string.Empty;
                var s = suffix is not null && isLast ? suffix : string.Empty;
                var needed = p.Length + width + s.Length;
                var buf = needed <= scratch.Length ? scratch[..needed] : new char[needed];
                p.AsSpan().CopyTo(buf);
                ch.CopyTo(buf[p.Length..]);
                s.AsSpan().CopyTo(buf[(p.Length + width)..]);
                key = buf;
            }

            if (_vocabBySpan.TryGetValue(key, out var id))
            {
                if (pendingUnknown.Start >= 0)
                {
                    symbols[count] = new Symbol(_unknownId, pendingUnknown.Start, pendingUnknown.End, count - 1, count + 1);
                    count++;
                    pendingUnknown = (-1, -1);
                }

                symbols[count] = new Symbol(id, i, i + width, count - 1, count + 1);
                count++;
            }
            else if (_byteIds is not null && key.Length <= 64 && TryBytes(key, bytes, out var n))
            {
                // The HF library adds byte tokens without flushing a pending unknown first; keep that order.
                for (var k = 0; k < n; k++)
                {
                    symbols[count] = new Symbol(_byteIds[bytes[k]], i, i + width, count - 1, count + 1);
                    count++;
                }
            }
            else if (_unknownId >= 0)
            {
                if (pendingUnknown.Start >= 0 && Options.FuseUnknown)
                {
                    pendingUnknown.End = i + width;
                }
                else
                {
                    if (pendingUnknown.Start >= 0)
                    {
                        symbols[count] = new Symbol(_unknownId, pendingUnknown.Start, pendingUnknown.End, count - 1, count + 1);
                        count++;
                    }

                    pendingUnknown = (i, i + width);
                }
            }

            i += width;
        }

        if (pendingUnknown.Start >= 0)
        {
            symbols[count] = new Symbol(_unknownId, pendingUnknown.Start, pendingUnknown.End, count - 1, count + 1);
            count++;
        }

        if (count > 0)
        {
            symbols[count - 1].Next = -1;
        }

        return count;
    }

    // Byte fallback uses the bytes of the whole key, affixes included, as the HF library does.
    private bool TryBytes(ReadOnlySpan<char> key, Span<byte> bytes, out int n)
    {
        n = Encoding.UTF8.GetBytes(key, bytes);
        for (var k = 0; k < n; k++)
        {
            if (_byteIds![bytes[k]] < 0)
            {
                return false;
            }
        }

        return true;
    }

    private void Merge(Symbol[] symbols, int count)
    {
        if (count < 2)
        {
            return;
        }

        // One queue per thread, reused: a fresh one per word was a large share of the cold path's allocations.
        var queue = t_queue ??= new PriorityQueue<(int Pos, int NewId), (int Rank, int Pos)>();
        queue.Clear();
        for (var i = 0; i < count - 1; i++)
        {
            if (_merges.TryGetValue(Key(symbols[i].Id, symbols[i + 1].Id), out var m))
            {
                queue.Enqueue((i, m.NewId), (m.Rank, i));
            }
        }

        while (queue.TryDequeue(out var top, out _))
        {
            ref var left = ref symbols[top.Pos];
            if (left.Removed || left.Next == -1)
            {
                continue;
            }

            var rightPos = left.Next;
            ref var right = ref symbols[rightPos];
            if (!_merges.TryGetValue(Key(left.Id, right.Id), out var current) || current.NewId != top.NewId)
            {
                continue;
            }

            left.Id = top.NewId;
            left.End = right.End;
            left.Next = right.Next;
            right.Removed = true;
            if (left.Next != -1)
            {
                symbols[left.Next].Prev = top.Pos;
            }

            if (left.Prev >= 0 && _merges.TryGetValue(Key(symbols[left.Prev].Id, left.Id), out var before))
            {
                queue.Enqueue((left.Prev, before.NewId), (before.Rank, left.Prev));
            }

            if (left.Next != -1 && _merges.TryGetValue(Key(left.Id, symbols[left.Next].Id), out var after))
            {
                queue.Enqueue((top.Pos, after.NewId), (after.Rank, top.Pos));
            }
        }
    }

    [ThreadStatic]
    private static PriorityQueue<(int Pos, int NewId), (int Rank, int Pos)>? t_queue;

    private static long Key(int a, int b) => ((long)a << 32) | (uint)b;


    private struct Symbol(int id, int start, int end, int prev, int next)
    {
        public int Id = id;
        public int Start = start;
        public int End = end;
        public int Prev = prev;
        public int Next = next;
        public bool Removed;
    }

    private static class Symbols
    {
        public static Symbol[] Rent(int n) => System.Buffers.ArrayPool<Symbol>.Shared.Rent(n);

        public static void Return(Symbol[] a) => System.Buffers.ArrayPool<Symbol>.Shared.Return(a);
    }
}
