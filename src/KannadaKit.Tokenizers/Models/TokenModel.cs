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

    protected TokenModel(bool cached) => _cache = cached ? new PieceCache(10_000) : null;

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
/// A bounded, thread-safe cache of pre-token encodings. Lookups take spans, so a hit allocates nothing; once full it
/// stops admitting entries (a frequent word is almost always among the first seen).
/// </summary>
internal sealed class PieceCache(int capacity)
{
    private readonly ConcurrentDictionary<string, ModelToken[]> _entries = new(StringComparer.Ordinal);

    public bool TryGet(ReadOnlySpan<char> piece, out ModelToken[] tokens) =>
        _entries.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(piece, out tokens!);

    public void Add(ReadOnlySpan<char> piece, ModelToken[] tokens)
    {
        if (capacity > 0 && _entries.Count < capacity && piece.Length < 256)
        {
            _entries.TryAdd(piece.ToString(), tokens);
        }
    }
}
