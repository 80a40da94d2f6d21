using System.Buffers;
using Microsoft.ML.Tokenizers;

namespace KannadaKit.Tokenizers;

/// <summary>
/// A tokenizer: text to ids and back. It is a <see cref="Microsoft.ML.Tokenizers.Tokenizer"/>, so anything written
/// against that class (ML.NET, Microsoft.Extensions.AI and Semantic Kernel chunkers) takes it; through the base class
/// alone it gives the Hugging Face library's ids with its defaults (special tokens added as the file's post-processor
/// says, like <c>tokenizer(text)</c> in transformers). Instances are immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// Offsets always point into the text given, never into a normalized copy, so the base class's
/// <c>normalizedText</c> outputs are null. The base class's <c>considerNormalization</c> and
/// <c>considerPreTokenization</c> flags are ignored: the file's normalizer and pre-tokenizer are part of what makes the
/// ids the reference library's. Our own overloads take <c>addSpecialTokens</c> as their second argument.
/// </remarks>
public abstract class Tokenizer : Microsoft.ML.Tokenizers.Tokenizer
{
    /// <summary>Number of ids the tokenizer can produce (model vocabulary plus added tokens).</summary>
    public abstract int VocabularySize { get; }

    /// <summary>Full encoding of one text: ids, token strings, offsets into <paramref name="text"/>, segment ids.</summary>
    public abstract TokenEncoding Encode(ReadOnlySpan<char> text, bool addSpecialTokens = true);

    /// <summary>Full encoding of one text: ids, token strings, offsets into <paramref name="text"/>, segment ids.</summary>
    public TokenEncoding Encode(string text, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encode(text.AsSpan(), addSpecialTokens);
    }

    /// <summary>Full encoding of a pair (for example question and context), as the post-processor joins them.</summary>
    public abstract TokenEncoding EncodePair(string first, string second, bool addSpecialTokens = true);

    /// <summary>Appends the ids of <paramref name="text"/> to <paramref name="ids"/> (the allocation-light path).</summary>
    public abstract void EncodeToIds(ReadOnlySpan<char> text, List<int> ids, bool addSpecialTokens = true);

    /// <summary>Decodes ids to text; special tokens are left out when <paramref name="skipSpecialTokens"/> is true.</summary>
    public abstract string Decode(IEnumerable<int> ids, bool skipSpecialTokens);

    /// <summary>The id of the unknown token, or null when the tokenizer never produces one (byte-level models).</summary>
    public abstract int? UnknownTokenId { get; }

    /// <summary>The vocabulary entry of an id, or null.</summary>
    public abstract string? IdToToken(int id);

    /// <summary>The id of a vocabulary entry, or null.</summary>
    public abstract int? TokenToId(string token);

    /// <summary>Ids of <paramref name="text"/>, with or without the post-processor's special tokens.</summary>
    public IReadOnlyList<int> EncodeToIds(string text, bool addSpecialTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EncodeToIds(text.AsSpan(), addSpecialTokens);
    }

    /// <summary>Ids of <paramref name="text"/>, with or without the post-processor's special tokens.</summary>
    public IReadOnlyList<int> EncodeToIds(ReadOnlySpan<char> text, bool addSpecialTokens)
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
    public IReadOnlyList<int> EncodeToIds(ReadOnlySpan<char> text, int maxTokenCount, out int charsConsumed, bool addSpecialTokens = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokenCount);
        var truncated = Truncate(text, maxTokenCount, addSpecialTokens, out charsConsumed);
        return truncated.Ids;
    }

    /// <summary>Ids of the longest prefix that fits the budget; see the span overload.</summary>
    public IReadOnlyList<int> EncodeToIds(string text, int maxTokenCount, out int charsConsumed, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EncodeToIds(text.AsSpan(), maxTokenCount, out charsConsumed, addSpecialTokens);
    }

    /// <summary>Tokens of <paramref name="text"/> with ids and offsets into it.</summary>
    public IReadOnlyList<EncodedToken> EncodeToTokens(string text, bool addSpecialTokens) =>
        Encode(text, addSpecialTokens).ToTokens();

    /// <summary>Number of tokens in <paramref name="text"/>, with or without the special tokens.</summary>
    public int CountTokens(ReadOnlySpan<char> text, bool addSpecialTokens)
    {
        var ids = new List<int>();
        EncodeToIds(text, ids, addSpecialTokens);
        return ids.Count;
    }

    /// <summary>Number of tokens in <paramref name="text"/>, with or without the special tokens.</summary>
    public int CountTokens(string text, bool addSpecialTokens)
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
    public string Decode(ReadOnlySpan<int> ids, bool skipSpecialTokens) => Decode((IEnumerable<int>)ids.ToArray(), skipSpecialTokens);

    /// <summary>Decodes to text, leaving out special tokens (the Hugging Face library's default).</summary>
    public override string Decode(IEnumerable<int> ids) => Decode(ids, skipSpecialTokens: true);

    /// <summary>The encoding of the longest prefix that fits the budget; see the public overload.</summary>
    protected abstract TokenEncoding Truncate(ReadOnlySpan<char> text, int maxTokenCount, bool addSpecialTokens, out int charsConsumed);

    // ---- the base class's contract ---------------------------------------------------------------------------

    /// <inheritdoc/>
    protected override EncodeResults<EncodedToken> EncodeToTokens(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings)
    {
        var s = text is null ? textSpan : text.AsSpan();
        if (settings.MaxTokenCount < int.MaxValue)
        {
            var truncated = Truncate(s, CheckBudget(settings.MaxTokenCount), addSpecialTokens: true, out var consumed);
            return new EncodeResults<EncodedToken> { Tokens = truncated.ToTokens(), NormalizedText = null, CharsConsumed = consumed };
        }
        return new EncodeResults<EncodedToken> { Tokens = Encode(s, addSpecialTokens: true).ToTokens(), NormalizedText = null, CharsConsumed = s.Length };
    }

    /// <inheritdoc/>
    protected override EncodeResults<int> EncodeToIds(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings)
    {
        if (settings.MaxTokenCount < int.MaxValue)
        {
            var s = text is null ? textSpan : text.AsSpan();
            var truncated = Truncate(s, CheckBudget(settings.MaxTokenCount), addSpecialTokens: true, out var consumed);
            return new EncodeResults<int> { Tokens = truncated.Ids, NormalizedText = null, CharsConsumed = consumed };
        }
        var span = text is null ? textSpan : text.AsSpan();
        var ids = new List<int>();
        EncodeToIds(span, ids, addSpecialTokens: true);
        return new EncodeResults<int> { Tokens = ids, NormalizedText = null, CharsConsumed = span.Length };
    }

    /// <inheritdoc/>
    protected override int CountTokens(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings) =>
        CountTokens(text is null ? textSpan : text.AsSpan(), addSpecialTokens: true);

    /// <inheritdoc/>
    protected override int GetIndexByTokenCount(string? text, ReadOnlySpan<char> textSpan, EncodeSettings settings, bool fromEnd,
        out string? normalizedText, out int tokenCount)
    {
        normalizedText = null;
        var s = text is null ? textSpan : text.AsSpan();
        var budget = CheckBudget(settings.MaxTokenCount);
        if (!fromEnd)
        {
            tokenCount = Truncate(s, budget, addSpecialTokens: true, out var consumed).Count;
            return consumed;
        }
        return SuffixStart(Encode(s, addSpecialTokens: true), s.Length, budget, out tokenCount);
    }

    /// <summary>
    /// Where the longest suffix of the text whose tokens fit the budget starts: tokens are kept from the end (special
    /// tokens the post-processor put at the end count; those at the start do not, as they go with the cut-off part),
    /// never cutting between tokens that share characters (the bytes of one character).
    /// </summary>
    internal static int SuffixStart(TokenEncoding encoding, int textLength, int budget, out int tokenCount)
    {
        var offsets = encoding.Offsets;
        var special = encoding.SpecialTokensMask;
        var n = offsets.Count;
        var firstContent = 0;
        while (firstContent < n && special[firstContent])
        {
            firstContent++;
        }
        var start = textLength;
        tokenCount = 0;
        var kept = 0;
        for (var i = n - 1; i >= firstContent; i--)
        {
            if (kept + 1 > budget)
            {
                break;
            }
            kept++;
            if (special[i])
            {
                continue;
            }
            // Cut before token i only where it starts after the previous token ends.
            if (i == firstContent || offsets[i].Start >= offsets[i - 1].End)
            {
                start = offsets[i].Start;
                tokenCount = kept;
            }
        }
        if (start == textLength)
        {
            // Only trailing special tokens (or nothing) fit.
            tokenCount = 0;
            for (var i = n - 1; i >= firstContent && special[i] && tokenCount < budget; i--)
            {
                tokenCount++;
            }
        }
        return start;
    }

    /// <summary>
    /// Decodes into <paramref name="destination"/> (special tokens left out, as <see cref="Decode(IEnumerable{int})"/>).
    /// When it does not fit, writes the decoding of the longest prefix of the ids that does and returns
    /// <see cref="OperationStatus.DestinationTooSmall"/>.
    /// </summary>
    public override OperationStatus Decode(IEnumerable<int> ids, Span<char> destination, out int idsConsumed, out int charsWritten)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var all = ids as int[] ?? [.. ids];
        var text = Decode(all, skipSpecialTokens: true);
        if (text.Length <= destination.Length)
        {
            text.CopyTo(destination);
            idsConsumed = all.Length;
            charsWritten = text.Length;
            return OperationStatus.Done;
        }
        // The longest prefix of ids whose decoding fits; decodings grow with the prefix, so search by halves.
        int low = 0, high = all.Length - 1;
        var best = "";
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var part = Decode(all.AsSpan(0, mid), skipSpecialTokens: true);
            if (part.Length <= destination.Length)
            {
                best = part;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        best.CopyTo(destination);
        idsConsumed = high;
        charsWritten = best.Length;
        return OperationStatus.DestinationTooSmall;
    }

    private static int CheckBudget(int maxTokenCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTokenCount);
        return maxTokenCount;
    }
}
