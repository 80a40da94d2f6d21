namespace KannadaKit.Tokenizers.Pipeline;

/// <summary>A slice of a <see cref="AlignedText"/>: a pre-token, before or after further splitting.</summary>
/// <param name="Source">The text the slice is of.</param>
/// <param name="Start">Where it starts in <paramref name="Source"/>.</param>
/// <param name="Length">Its length in UTF-16 units.</param>
/// <param name="Bytes">The model reads this piece as GPT-2 byte-level symbols (a final ByteLevel pre-tokenizer that
/// left the conversion to the model, so a cached word never needs converting).</param>
internal readonly record struct Piece(AlignedText Source, int Start, int Length, bool Bytes = false)
{
    public ReadOnlySpan<char> Span => Source.Span.Slice(Start, Length);

    public static Piece Whole(AlignedText text) => new(text, 0, text.Length);

    public Piece Slice(int start, int length) => new(Source, Start + start, length, Bytes);

    public (int Start, int End) OriginalRange(int start, int end) => Source.OriginalRange(Start + start, Start + end);
}
