using KannadaKit.Tokenizers.Decoders;
using KannadaKit.Tokenizers.Json;
using KannadaKit.Tokenizers.Models;
using KannadaKit.Tokenizers.Normalizers;
using KannadaKit.Tokenizers.Pipeline;
using KannadaKit.Tokenizers.PostProcessors;
using PreTok = KannadaKit.Tokenizers.PreTokenizers.PreTokenizer;

namespace KannadaKit.Tokenizers;

/// <summary>
/// A Hugging Face <c>tokenizer.json</c> run natively: added tokens, normalizer, pre-tokenizer, model (BPE, Unigram,
/// WordPiece, WordLevel), post-processor and decoder, giving the same ids as the HF library.
/// </summary>
public sealed class HfTokenizer : Tokenizer
{
    private readonly TokenModel _model;
    private readonly Normalizer? _normalizer;
    private readonly PreTok? _preTokenizer;
    private readonly PostProcessor? _postProcessor;
    private readonly Decoder? _decoder;
    private readonly AddedTokenMatcher _rawAdded;
    private readonly AddedTokenMatcher _normalizedAdded;
    private readonly Dictionary<int, AddedToken> _addedById = [];
    private readonly Dictionary<string, AddedToken> _addedByContent = new(StringComparer.Ordinal);

    // What the post-processor puts before and after one sequence's ids (by addSpecialTokens), or null when its output
    // is not that simple; the ids path then skips building tokens, strings and offsets.
    private readonly (int[] Before, int[] After)?[] _frames;

    internal HfTokenizer(TokenModel model, Normalizer? normalizer, PreTok? preTokenizer, PostProcessor? postProcessor,
        Decoder? decoder, IReadOnlyList<AddedToken> added, string source)
    {
        _model = model;
        _normalizer = normalizer;
        _preTokenizer = preTokenizer?.DeferFinalByteLevel();
        _postProcessor = postProcessor;
        _decoder = decoder;
        Source = source;
        foreach (var t in added)
        {
            _addedById[t.Id] = t;
            _addedByContent[t.Content] = t;
        }

        _frames = [IdFrame(false), IdFrame(true)];
        _rawAdded = new AddedTokenMatcher(added.Where(t => !t.Normalized).Select(t => (t.Content, t)));
        _normalizedAdded = new AddedTokenMatcher(added.Where(t => t.Normalized).Select(t =>
            (normalizer is null ? t.Content : normalizer.Normalize(AlignedText.Original(t.Content.AsMemory(), 0)).ToString(), t)));
        AddedTokens = added;
    }

    /// <summary>Where the tokenizer was read from (for messages).</summary>
    public string Source { get; }

    /// <summary>The added tokens (special and not) in file order.</summary>
    internal IReadOnlyList<AddedToken> AddedTokens { get; }

    internal TokenModel Model => _model;

    /// <inheritdoc/>
    public override int VocabularySize
    {
        get
        {
            var max = _model.VocabSize - 1;
            foreach (var id in _addedById.Keys)
            {
                max = Math.Max(max, id);
            }

            return max + 1;
        }
    }

    /// <summary>Loads a tokenizer.json file. Malformed files throw <see cref="TokenizerFormatException"/> naming the JSON path.</summary>
    public static HfTokenizer FromFile(string path) => HfTokenizerReader.Read(TokenizerFile.ReadAllBytes(path), path);

    /// <summary>Loads a tokenizer from JSON text; <paramref name="sourceName"/> names it in errors.</summary>
    public static HfTokenizer FromJson(string json, string sourceName = "tokenizer.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        return HfTokenizerReader.Read(System.Text.Encoding.UTF8.GetBytes(json), sourceName);
    }

    /// <inheritdoc/>
    public override int? UnknownTokenId => _model switch
    {
        BpeModel b => b.Options.UnknownToken is { } u ? b.TokenToId(u) : null,
        UnigramModel u => u.UnknownId,
        WordPieceModel w => w.TokenToId(w.UnknownToken),
        WordLevelModel l => l.TokenToId(l.UnknownToken),
        _ => null,
    };

    /// <inheritdoc/>
    public override string? IdToToken(int id) =>
        _addedById.TryGetValue(id, out var t) ? t.Content : _model.IdToToken(id);

    /// <inheritdoc/>
    public override int? TokenToId(string token) =>
        _addedByContent.TryGetValue(token, out var t) ? t.Id : _model.TokenToId(token);

    /// <inheritdoc/>
    public override TokenEncoding Encode(ReadOnlySpan<char> text, bool addSpecialTokens = true)
    {
        using var rented = RentedText.Copy(text);
        return Build(PostProcess([EncodeSequence(rented.Memory)], addSpecialTokens));
    }

    /// <inheritdoc/>
    public override TokenEncoding EncodePair(string first, string second, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Build(PostProcess([EncodeSequence(first), EncodeSequence(second)], addSpecialTokens));
    }

    /// <inheritdoc/>
    public override void EncodeToIds(ReadOnlySpan<char> text, List<int> ids, bool addSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var rented = RentedText.Copy(text);
        if (_frames[addSpecialTokens ? 1 : 0] is { } frame)
        {
            ids.AddRange(frame.Before);
            var sink = new IdSink(ids);
            EncodeSequence(rented.Memory, ref sink);
            ids.AddRange(frame.After);
            return;
        }

        var tokens = PostProcess([EncodeSequence(rented.Memory)], addSpecialTokens);
        foreach (var t in tokens)
        {
            ids.Add(t.Id);
        }
    }

    /// <summary>The special ids the post-processor frames a single sequence with, found with a sentinel token.</summary>
    private (int[] Before, int[] After)? IdFrame(bool addSpecialTokens)
    {
        const int Sentinel = int.MinValue;
        var tokens = PostProcess([[new Tok(Sentinel, null, 0, 0)]], addSpecialTokens);
        var at = tokens.FindIndex(t => t.Id == Sentinel);
        if (at < 0 || tokens.FindLastIndex(t => t.Id == Sentinel) != at)
        {
            return null;
        }
        return ([.. tokens.Take(at).Select(t => t.Id)], [.. tokens.Skip(at + 1).Select(t => t.Id)]);
    }

    /// <inheritdoc/>
    public override string Decode(IEnumerable<int> ids, bool skipSpecialTokens)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var tokens = new List<string>();
        foreach (var id in ids)
        {
            if (_addedById.TryGetValue(id, out var added))
            {
                if (!(skipSpecialTokens && added.Special))
                {
                    tokens.Add(added.Content);
                }

                continue;
            }

            if (_model.IdToToken(id) is { } token)
            {
                tokens.Add(token);
            }
        }

        return _decoder is null ? string.Join(' ', tokens) : string.Concat(_decoder.DecodeChain(tokens));
    }

    /// <inheritdoc/>
    protected override TokenEncoding Truncate(ReadOnlySpan<char> text, int maxTokenCount, bool addSpecialTokens, out int charsConsumed)
    {
        List<Tok> content;
        using (var rented = RentedText.Copy(text))
        {
            content = EncodeSequence(rented.Memory);
        }

        var budget = maxTokenCount - (addSpecialTokens && _postProcessor is not null ? _postProcessor.AddedTokens(false) : 0);
        var keep = Math.Clamp(budget, 0, content.Count);
        // Never cut between tokens that cover the same characters (the bytes of one character).
        while (keep > 0 && keep < content.Count && content[keep].Start < content[keep - 1].End)
        {
            keep--;
        }

        charsConsumed = keep == content.Count ? text.Length : keep == 0 ? 0 : content[keep - 1].End;
        var kept = content.GetRange(0, keep);
        if (budget < 0)
        {
            // Not even the special tokens fit.
            return Build([]);
        }

        return Build(PostProcess([kept], addSpecialTokens));
    }

    private List<Tok> PostProcess(List<List<Tok>> sequences, bool addSpecialTokens)
    {
        if (_postProcessor is not null)
        {
            sequences = _postProcessor.Process(sequences, addSpecialTokens);
        }
        else if (sequences.Count > 1)
        {
            // The HF default keeps segment ids at 0 and simply concatenates.
            sequences = [[.. sequences[0], .. sequences[1]]];
        }

        return sequences.Count == 1 ? sequences[0] : sequences.SelectMany(s => s).ToList();
    }

    private TokenEncoding Build(List<Tok> tokens)
    {
        var ids = new int[tokens.Count];
        var values = new string[tokens.Count];
        var offsets = new (int, int)[tokens.Count];
        var types = new int[tokens.Count];
        var special = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            ids[i] = t.Id;
            values[i] = t.Value ?? IdToToken(t.Id) ?? string.Empty;
            offsets[i] = (t.Start, t.End);
            types[i] = t.TypeId;
            special[i] = t.Special;
        }

        return new TokenEncoding(ids, values, offsets, types, special);
    }

    /// <summary>The pre-tokens of <paramref name="text"/> (after normalization), as the model would see them.</summary>
    internal void PreTokenize(string text, List<string> output)
    {
        var normalized = AlignedText.Original(text.AsMemory(), 0);
        if (_normalizer is not null)
        {
            normalized = _normalizer.Normalize(normalized);
        }

        var pieces = new List<Piece>();
        if (_preTokenizer is null)
        {
            pieces.Add(Piece.Whole(normalized));
        }
        else if (normalized.Length > 0)
        {
            _preTokenizer.Split(Piece.Whole(normalized), pieces, new PreTokenizers.SplitScratch());
        }

        foreach (var p in pieces)
        {
            if (p.Length > 0)
            {
                output.Add((p.Bytes ? PreTokenizers.ByteLevelPreTokenizer.ToBytes(p) : p).Span.ToString());
            }
        }
    }

    /// <summary>Added tokens, normalization, pre-tokenization and the model for one sequence.</summary>
    private List<Tok> EncodeSequence(string text) => EncodeSequence(text.AsMemory());

    private List<Tok> EncodeSequence(ReadOnlyMemory<char> text)
    {
        var output = new List<Tok>();
        var sink = new TokSink(output, _model);
        EncodeSequence(text, ref sink);
        return output;
    }

    /// <summary>Where one sequence's tokens go: full tokens (strings, offsets) or ids only; a struct, so the JIT
    /// compiles a copy of the pipeline for each and the ids path does no token work at all.</summary>
    private interface ITokenSink
    {
        /// <summary>Whether token strings and offsets are wanted (false: compute nothing but the id).</summary>
        bool WantsDetail { get; }

        void Add(int id, string? value, int start, int end);
    }

    private readonly struct TokSink(List<Tok> output, TokenModel model) : ITokenSink
    {
        public bool WantsDetail => true;

        public void Add(int id, string? value, int start, int end) => output.Add(new Tok(id, value ?? model.IdToToken(id), start, end));
    }

    private readonly struct IdSink(List<int> ids) : ITokenSink
    {
        public bool WantsDetail => false;

        public void Add(int id, string? value, int start, int end) => ids.Add(id);
    }

    private void EncodeSequence<TSink>(ReadOnlyMemory<char> text, ref TSink output)
        where TSink : struct, ITokenSink
    {
        var modelTokens = new List<ModelToken>();
        var pieces = new List<Piece>();
        var scratch = new PreTokenizers.SplitScratch();
        var segments = _rawAdded.IsEmpty ? [(0, text.Length, (AddedToken?)null)] : _rawAdded.Split(text.Span);
        foreach (var (start, end, added) in segments)
        {
            if (added is not null)
            {
                // The token's text is what matched, whitespace taken by lstrip/rstrip included (as in the HF library).
                output.Add(added.Id, output.WantsDetail ? text[start..end].ToString() : null, start, end);
                continue;
            }

            if (end <= start)
            {
                continue;
            }

            var normalized = AlignedText.Original(text[start..end], start);
            if (_normalizer is not null)
            {
                normalized = _normalizer.Normalize(normalized);
            }

            var inner = _normalizedAdded.IsEmpty
                ? [(0, normalized.Length, (AddedToken?)null)]
                : _normalizedAdded.Split(normalized.Span);
            foreach (var (s, e, token) in inner)
            {
                if (token is not null)
                {
                    var (os, oe) = normalized.OriginalRange(s, e);
                    output.Add(token.Id, output.WantsDetail ? normalized.Memory[s..e].ToString() : null, os, oe);
                    continue;
                }

                if (e <= s)
                {
                    continue;
                }

                var piece = new Piece(normalized, s, e - s);
                pieces.Clear();
                if (_preTokenizer is null)
                {
                    pieces.Add(piece);
                }
                else
                {
                    _preTokenizer.Split(piece, pieces, scratch);
                }

                foreach (var p in pieces)
                {
                    modelTokens.Clear();
                    _model.Tokenize(p.Span, modelTokens, p.Bytes);
                    foreach (var m in modelTokens)
                    {
                        var (os, oe) = output.WantsDetail ? p.OriginalRange(m.Start, m.End) : (0, 0);
                        output.Add(m.Id, m.Value, os, oe);
                    }
                }
            }
        }
    }
}
