namespace KannadaKit.Tokenizers.Pipeline;

/// <summary>
/// Text after normalization (or a pre-tokenizer's rewrite) that remembers, for each UTF-16 unit, the range of the
/// original input it came from, so tokens can report offsets into what the caller passed in.
/// </summary>
internal sealed class NormalizedText
{
    private readonly int[]? _starts;
    private readonly int[]? _ends;
    private readonly int _base;

    private NormalizedText(string text, int[]? starts, int[]? ends, int baseOffset)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
        _base = baseOffset;
    }

    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>Untransformed original text starting at <paramref name="baseOffset"/>: offsets are implicit.</summary>
    public static NormalizedText Original(string text, int baseOffset) => new(text, null, null, baseOffset);

    public static NormalizedText Transformed(string text, int[] starts, int[] ends) => new(text, starts, ends, 0);

    public int OriginalStart(int index) => _starts is null ? _base + index : _starts[index];

    public int OriginalEnd(int index) => _ends is null ? _base + index + 1 : _ends[index];

    /// <summary>Original range covered by units [start, end); an empty range maps to the point before it.</summary>
    public (int Start, int End) OriginalRange(int start, int end)
    {
        if (end <= start)
        {
            var at = start < Length ? OriginalStart(start) : Length == 0 ? _base : OriginalEnd(Length - 1);
            return (at, at);
        }

        return (OriginalStart(start), OriginalEnd(end - 1));
    }
}

/// <summary>A slice of a <see cref="NormalizedText"/>: a pre-token, before or after further splitting.</summary>
/// <param name="Source">The text the slice is of.</param>
/// <param name="Start">Where it starts in <paramref name="Source"/>.</param>
/// <param name="Length">Its length in UTF-16 units.</param>
/// <param name="Bytes">The model reads this piece as GPT-2 byte-level symbols (a final ByteLevel pre-tokenizer that
/// left the conversion to the model, so a cached word never needs converting).</param>
internal readonly record struct Piece(NormalizedText Source, int Start, int Length, bool Bytes = false)
{
    public ReadOnlySpan<char> Span => Source.Text.AsSpan(Start, Length);

    public static Piece Whole(NormalizedText text) => new(text, 0, text.Length);

    public Piece Slice(int start, int length) => new(Source, Start + start, length, Bytes);

    public (int Start, int End) OriginalRange(int start, int end) => Source.OriginalRange(Start + start, Start + end);
}
