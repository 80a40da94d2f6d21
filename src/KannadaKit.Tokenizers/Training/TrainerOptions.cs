namespace KannadaKit.Tokenizers.Training;

/// <summary>Training settings. Immutable; defaults suit Kannada + English corpora.</summary>
public sealed record TrainerOptions
{
    /// <summary>Kind of tokenizer.</summary>
    public TokenizerKind Kind { get; init; } = TokenizerKind.ByteLevelBpe;

    /// <summary>Target vocabulary size, special tokens and base alphabet included.</summary>
    public int VocabSize { get; init; } = 32_000;

    /// <summary>A pair (or piece) seen fewer times than this is never merged (kept).</summary>
    public int MinFrequency { get; init; } = 2;

    /// <summary>
    /// Build every akshara before any merge across aksharas, so (for aksharas in the vocabulary) tokens never end
    /// inside an akshara. Applies to BPE and WordPiece; Unigram pieces are cut at akshara boundaries instead.
    /// </summary>
    public bool KeepAksharas { get; init; } = true;

    /// <summary>Share of character occurrences the base alphabet must cover; rarer characters use byte fallback or [UNK].</summary>
    public double CharacterCoverage { get; init; } = 0.9999;

    /// <summary>Special tokens, given the first ids in this order.</summary>
    public IReadOnlyList<string>? SpecialTokens { get; init; }

    /// <summary>
    /// Byte-level BPE only: the share of the learned merges (after the base alphabet) that may cross word boundaries,
    /// learned after every within-word merge (SuperBPE-style multi-word tokens such as " ಎಂದು ಹೇಳಿದರು"). The file then
    /// has no Split pre-tokenizer, so runtimes apply merges over the whole line. 0 (the default) keeps tokens inside words.
    /// </summary>
    public double SuperwordShare { get; init; }

    /// <summary>
    /// Put a space before each input (the decoder removes it again), so a line's first word is encoded like every
    /// other word instead of by rarer space-less pieces. Ignored by WordPiece, which splits on white space.
    /// </summary>
    public bool PrefixSpace { get; init; } = true;

    /// <summary>
    /// Normalize white space as SentencePiece does by default: drop it at both ends of the input and shrink runs of
    /// spaces to one. Lossy (decoding gives the shrunk text), so off by default. Ignored by WordPiece.
    /// </summary>
    public bool CollapseWhitespace { get; init; }

    /// <summary>How byte-level BPE vocabularies are applied; see <see cref="TokenSegmentation"/>.</summary>
    public TokenSegmentation Segmentation { get; init; } = TokenSegmentation.Merges;

    /// <summary>Largest Unigram piece, in UTF-16 units.</summary>
    public int MaxPieceLength { get; init; } = 16;
}
