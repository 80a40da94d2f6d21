using System.Collections.Concurrent;

namespace KannadaKit.Tokenizers.Models;

/// <summary>The "model" of a tokenizer.json: turns one pre-token into vocabulary ids.</summary>
internal abstract class TokenModel
{
    private readonly PieceCache? _cache;

    protected TokenModel(bool cached) => _cache = cached ? new PieceCache(CacheCapacity) : null;

    /// <summary>Entries per cache generation (at most twice this many are held): room for a large corpus's common words.</summary>
    internal const int CacheCapacity = 32_768;

    public abstract int VocabSize { get; }

    /// <summary>Encodes one pre-token, through the bounded cache of word encodings when the model keeps one.</summary>
    /// <param name="piece">The pre-token.</param>
    /// <param name="output">Receives the tokens, with ranges in <paramref name="piece"/>'s UTF-16 units.</param>
    /// <param name="bytes">The model reads the piece's UTF-8 bytes as GPT-2 byte-level symbols; converted here on a
    /// cache miss only, and token ranges mapped back from bytes to the characters they came from.</param>
    public void Tokenize(ReadOnlySpan<char> piece, List<ModelToken> output, bool bytes = false)
    {
        if (_cache is not null && _cache.TryGet(piece, out var cached))
        {
            output.AddRange(cached.AsSpan());
            return;
        }

        var start = output.Count;
        if (bytes)
        {
            EncodeBytes(piece, output);
        }
        else
        {
            Encode(piece, output);
        }
        _cache?.Add(piece, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output)[start..].ToArray());
    }

    private void EncodeBytes(ReadOnlySpan<char> piece, List<ModelToken> output)
    {
        var room = piece.Length * 3;
        var symbols = System.Buffers.ArrayPool<char>.Shared.Rent(room);
        var owner = System.Buffers.ArrayPool<int>.Shared.Rent(room);
        try
        {
            // Each UTF-8 byte becomes one symbol; owner[k] is the UTF-16 index where symbol k's character starts.
            var n = 0;
            Span<byte> utf8 = stackalloc byte[4];
            for (var i = 0; i < piece.Length;)
            {
                System.Text.Rune.DecodeFromUtf16(piece[i..], out var rune, out var width);
                var count = rune.EncodeToUtf8(utf8);
                for (var k = 0; k < count; k++)
                {
                    symbols[n] = Pipeline.ByteLevelAlphabet.CharOf(utf8[k]);
                    owner[n++] = i;
                }
                i += width;
            }
            var first = output.Count;
            Encode(symbols.AsSpan(0, n), output);
            for (var t = first; t < output.Count; t++)
            {
                var m = output[t];
                var s = m.Start < n ? owner[m.Start] : piece.Length;
                var e = m.End <= m.Start ? s : CharEnd(owner, m.End - 1, n, piece.Length);
                output[t] = m with { Start = s, End = e };
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(symbols);
            System.Buffers.ArrayPool<int>.Shared.Return(owner);
        }
    }

    /// <summary>The end (exclusive, UTF-16) of the character symbol <paramref name="k"/> belongs to.</summary>
    private static int CharEnd(int[] owner, int k, int n, int length)
    {
        var start = owner[k];
        while (k + 1 < n && owner[k + 1] == start)
        {
            k++;
        }
        return k + 1 < n ? owner[k + 1] : length;
    }

    protected abstract void Encode(ReadOnlySpan<char> piece, List<ModelToken> output);

    /// <summary>Token strings indexed by id.</summary>
    protected static string[] ById(Dictionary<string, int> vocab)
    {
        var byId = new string[vocab.Count == 0 ? 0 : vocab.Values.Max() + 1];
        foreach (var (token, id) in vocab)
        {
            byId[id] = token;
        }

        return byId;
    }

    public abstract string? IdToToken(int id);

    public abstract int? TokenToId(string token);
}
