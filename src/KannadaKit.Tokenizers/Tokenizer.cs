namespace KannadaKit.Tokenizers;

/// <summary>
/// A tokenizer: text to ids and back. Shaped after Microsoft.ML.Tokenizers (EncodeToIds, EncodeToTokens, CountTokens,
/// Decode) so code written against it reads the same. Instances are immutable and safe to share between threads.
/// </summary>
public abstract class Tokenizer
{
    /// <summary>Number of ids the tokenizer can produce (model vocabulary plus added tokens).</summary>
    public abstract int VocabularySize { get; }

    /// <summary>Full encoding of one text: ids, token strings, offsets into <paramref name="text"/>, segment ids.</summary>
    public abstract TokenEncoding Encode(string text, bool addSpecialTokens = true);

    /// <summary>Full encoding of a pair (for example question and context), as the post-processor joins them.</summary>
    public abstract TokenEncoding EncodePair(string first, string second, bool addSpecialTokens = true);

    /// <summary>Appends the ids of <paramref name="text"/> to <paramref name="ids"/> (the allocation-light path).</summary>
    public abstract void EncodeToIds(ReadOnlySpan<char> text, List<int> ids, bool addSpecialTokens = true);

    /// <summary>Decodes ids to text; special tokens are left out unless <paramref name="skipSpecialTokens"/> is false.</summary>
    public abstract string Decode(IEnumerable<int> ids, bool skipSpecialTokens = true);

    /// <summary>The id of the unknown token, or null when the tokenizer never produces one (byte-level models).</summary>
    public abstract int? UnknownTokenId { get; }

    /// <summary>The vocabulary entry of an id, or null.</summary>
    public abstract string? IdToToken(int id);

    /// <summary>The id of a vocabulary entry, or null.</summary>
    public abstract int? TokenToId(string token);

    /// <summary>Ids of <paramref name="text"/>.</summary>
    public IReadOnlyList<int> EncodeToIds(string text, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EncodeToIds(text.AsSpan(), addSpecialTokens);
    }

    /// <summary>Ids of <paramref name="text"/>.</summary>
    public IReadOnlyList<int> EncodeToIds(ReadOnlySpan<char> text, bool addSpecialTokens = true)
    {
        var ids = new List<int>();
        EncodeToIds(text, ids, addSpecialTokens);
        return ids;
    }

    /// <summary>
    /// Ids of the longest prefix of <paramref name="text"/> that fits in <paramref name="maxTokenCount"/> tokens
    /// (special tokens included), never cutting a character's bytes apart. <paramref name="charsConsumed"/> tells how
    /// much of the text those ids cover, so the rest can go into the next chunk.
    /// </summary>
    public IReadOnlyList<int> EncodeToIds(string text, int maxTokenCount, out int charsConsumed, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokenCount);
        var truncated = Truncate(text, maxTokenCount, addSpecialTokens, out charsConsumed);
        return truncated.Ids;
    }

    /// <summary>Tokens of <paramref name="text"/> with ids and offsets into it.</summary>
    public IReadOnlyList<EncodedToken> EncodeToTokens(string text, bool addSpecialTokens = true) =>
        Encode(text, addSpecialTokens).ToTokens();

    /// <summary>Number of tokens in <paramref name="text"/>.</summary>
    public int CountTokens(ReadOnlySpan<char> text, bool addSpecialTokens = true)
    {
        var ids = new List<int>();
        EncodeToIds(text, ids, addSpecialTokens);
        return ids.Count;
    }

    /// <summary>Number of tokens in <paramref name="text"/>.</summary>
    public int CountTokens(string text, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CountTokens(text.AsSpan(), addSpecialTokens);
    }

    /// <summary>Encodes many texts in parallel; result i belongs to text i.</summary>
    public IReadOnlyList<IReadOnlyList<int>> EncodeBatchToIds(IReadOnlyList<string> texts, bool addSpecialTokens = true,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new IReadOnlyList<int>[texts.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, texts.Count, options, () => new List<int>(), (i, _, buffer) =>
        {
            buffer.Clear();
            EncodeToIds(texts[i].AsSpan(), buffer, addSpecialTokens);
            results[i] = buffer.ToArray();
            return buffer;
        }, _ => { });
        return results;
    }

    /// <summary>Decodes to text (see <see cref="Decode(IEnumerable{int}, bool)"/>).</summary>
    public string Decode(ReadOnlySpan<int> ids, bool skipSpecialTokens = true) => Decode((IEnumerable<int>)ids.ToArray(), skipSpecialTokens);

    /// <summary>The encoding of the longest prefix that fits the budget; see the public overload.</summary>
    protected abstract TokenEncoding Truncate(string text, int maxTokenCount, bool addSpecialTokens, out int charsConsumed);
}
