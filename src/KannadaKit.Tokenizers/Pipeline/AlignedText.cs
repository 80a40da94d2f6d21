namespace KannadaKit.Tokenizers.Pipeline;

/// <summary>
/// Text after normalization (or a pre-tokenizer's rewrite) aligned with its source: for each UTF-16 unit, the range of the
/// original input it came from, so tokens can report offsets into what the caller passed in. The text is memory, not a
/// string, so a caller's span (copied once into a pooled buffer) goes through the pipeline without becoming a string.
/// </summary>
internal sealed class AlignedText
{
    private readonly int[]? _starts;
    private readonly int[]? _ends;
    private readonly int _base;

    private AlignedText(ReadOnlyMemory<char> text, int[]? starts, int[]? ends, int baseOffset)
    {
        Memory = text;
        _starts = starts;
        _ends = ends;
        _base = baseOffset;
    }

    public ReadOnlyMemory<char> Memory { get; }

    public ReadOnlySpan<char> Span => Memory.Span;

    public int Length => Memory.Length;

    /// <summary>Untransformed original text starting at <paramref name="baseOffset"/>: offsets are implicit.</summary>
    public static AlignedText Original(ReadOnlyMemory<char> text, int baseOffset) => new(text, null, null, baseOffset);

    public static AlignedText Transformed(string text, int[] starts, int[] ends) => new(text.AsMemory(), starts, ends, 0);

    public override string ToString() => Memory.ToString();

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
