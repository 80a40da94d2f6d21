using System.Collections.Concurrent;

namespace KannadaKit.Tokenizers.Models;

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
