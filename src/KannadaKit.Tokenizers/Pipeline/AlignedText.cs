namespace KannadaKit.Tokenizers.Pipeline;

/// <summary>
/// Text after normalization (or a pre-tokenizer's rewrite) aligned with its source: for each UTF-16 unit, the range of the
/// original input it came from, so tokens can report offsets into what the caller passed in.
/// </summary>
internal sealed class AlignedText
{
    private readonly int[]? _starts;
    private readonly int[]? _ends;
    private readonly int _base;

    private AlignedText(string text, int[]? starts, int[]? ends, int baseOffset)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
        _base = baseOffset;
    }

    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>Untransformed original text starting at <paramref name="baseOffset"/>: offsets are implicit.</summary>
    public static AlignedText Original(string text, int baseOffset) => new(text, null, null, baseOffset);

    public static AlignedText Transformed(string text, int[] starts, int[] ends) => new(text, starts, ends, 0);

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
