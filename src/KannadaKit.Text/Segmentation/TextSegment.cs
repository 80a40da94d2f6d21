namespace KannadaKit.Text.Segmentation;

/// <summary>A range of the original text: where a unit (akshara, word, sentence) starts and how long it is.</summary>
/// <param name="Start">Index of the first UTF-16 code unit.</param>
/// <param name="Length">Number of UTF-16 code units.</param>
public readonly record struct TextSegment(int Start, int Length)
{
    /// <summary>Index just past the segment.</summary>
    public int End => Start + Length;

    /// <summary>The segment as a range.</summary>
    public Range Range => Start..End;

    /// <summary>The segment's text inside <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>The segment's text inside <paramref name="text"/> as a string.</summary>
    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }
}
