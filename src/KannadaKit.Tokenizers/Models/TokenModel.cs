using System.Collections.Concurrent;

namespace KannadaKit.Tokenizers.Models;

/// <summary>A token a model produced for one pre-token: id and UTF-16 range within the pre-token.</summary>
/// <param name="Id">Vocabulary id.</param>
/// <param name="Start">Start within the pre-token.</param>
/// <param name="End">End within the pre-token.</param>
/// <param name="Value">The token's text when it differs from the vocabulary entry (a Unigram unknown keeps its surface).</param>
internal readonly record struct ModelToken(int Id, int Start, int End, string? Value = null);

/// <summary>The "model" of a tokenizer.json: turns one pre-token into vocabulary ids.</summary>
internal abstract class TokenModel
{
    private readonly PieceCache? _cache;

    protected TokenModel(bool cached) => _cache = cached ? new PieceCache(CacheCapacity) : null;

    /// <summary>Entries per cache generation (at most twice this many are held): room for a large corpus's common words.</summary>
    internal const int CacheCapacity = 32_768;

    public abstract int VocabSize { get; }

    /// <summary>Encodes one pre-token, through the bounded cache of word encodings when the model keeps one.</summary>
    public void Tokenize(ReadOnlySpan<char> piece, List<ModelToken> output)
    {
        if (_cache is null)
        {
            Encode(piece, output);
            return;
        }

        if (_cache.TryGet(piece, out var cached))
        {
            output.AddRange(cached);
            return;
        }

        var start = output.Count;
        Encode(piece, output);
        _cache.Add(piece, [.. output.GetRange(start, output.Count - start)]);
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

/// <summary>
/// A bounded, thread-safe cache of pre-token encodings that keeps admitting: entries go into the current generation;
/// when it holds <c>capacity</c> entries it becomes the previous one (the one before is dropped) and a fresh one
/// starts. A hit in the previous generation is carried into the current one, so words in use survive every turn.
/// Lookups take spans, so a hit allocates nothing; the size is an interlocked counter, not
/// <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> (which takes every lock).
/// </summary>
internal sealed class PieceCache(int capacity)
{
    private const int LongestPiece = 256;

    private Generation _current = new();
    private Generation? _previous;

    public bool TryGet(ReadOnlySpan<char> piece, out ModelToken[] tokens)
    {
        var current = Volatile.Read(ref _current);
        if (current.Lookup.TryGetValue(piece, out tokens!))
        {
            return true;
        }
        var previous = Volatile.Read(ref _previous);
        if (previous is not null && previous.Lookup.TryGetValue(piece, out tokens!))
        {
            Add(piece, tokens);
            return true;
        }
        return false;
    }

    public void Add(ReadOnlySpan<char> piece, ModelToken[] tokens)
    {
        if (capacity <= 0 || piece.Length >= LongestPiece)
        {
            return;
        }
        var current = Volatile.Read(ref _current);
        if (current.Lookup.TryAdd(piece, tokens) && Interlocked.Increment(ref current.Count) == capacity)
        {
            // Exactly one adder sees the count reach capacity and turns the generations over.
            Volatile.Write(ref _previous, current);
            Volatile.Write(ref _current, new Generation());
        }
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, ModelToken[]> Entries = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, ModelToken[]>.AlternateLookup<ReadOnlySpan<char>> Lookup;
        public int Count;

        public Generation() => Lookup = Entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
