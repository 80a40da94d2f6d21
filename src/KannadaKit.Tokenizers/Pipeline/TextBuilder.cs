using System.Text;

namespace KannadaKit.Tokenizers.Pipeline;

/// <summary>Builds a <see cref="AlignedText"/> unit by unit, each unit carrying its original range.</summary>
internal sealed class TextBuilder
{
    private readonly StringBuilder _text;
    private readonly List<int> _starts;
    private readonly List<int> _ends;

    public TextBuilder(int capacity)
    {
        _text = new StringBuilder(capacity);
        _starts = new List<int>(capacity);
        _ends = new List<int>(capacity);
    }

    public int Length => _text.Length;

    public void Append(char c, int origStart, int origEnd)
    {
        _text.Append(c);
        _starts.Add(origStart);
        _ends.Add(origEnd);
    }

    public void Append(ReadOnlySpan<char> s, int origStart, int origEnd)
    {
        foreach (var c in s)
        {
            Append(c, origStart, origEnd);
        }
    }

    /// <summary>Copies units [from, to) of a piece with their own original ranges.</summary>
    public void Copy(Piece piece, int from, int to)
    {
        var text = piece.Source.Span;
        for (var i = from; i < to; i++)
        {
            var at = piece.Start + i;
            Append(text[at], piece.Source.OriginalStart(at), piece.Source.OriginalEnd(at));
        }
    }

    /// <summary>Appends replacement text attributed to the whole original range of units [from, to) of a piece.</summary>
    public void Replace(Piece piece, int from, int to, ReadOnlySpan<char> replacement)
    {
        var (s, e) = piece.OriginalRange(from, to);
        Append(replacement, s, e);
    }

    /// <summary>
    /// Appends a rewrite of units [from, to) aligned the way the HF library aligns them: the j-th output code point
    /// takes the range of the j-th input code point, surplus output code points the range of the last input one.
    /// </summary>
    public void ReplaceAligned(Piece piece, int from, int to, ReadOnlySpan<char> replacement)
    {
        Span<int> inputStarts = stackalloc int[Math.Min(to - from, 64) + 1];
        var inputs = 0;
        for (var i = from; i < to && inputs < inputStarts.Length - 1; i += char.IsHighSurrogate(piece.Span[i]) && i + 1 < to ? 2 : 1)
        {
            inputStarts[inputs++] = i;
        }

        inputStarts[inputs] = to;
        var j = 0;
        for (var k = 0; k < replacement.Length; j++)
        {
            var width = char.IsHighSurrogate(replacement[k]) && k + 1 < replacement.Length ? 2 : 1;
            var src = Math.Min(j, inputs - 1);
            var end = src == inputs - 1 ? to : inputStarts[src + 1];
            var (s, e) = piece.OriginalRange(inputStarts[src], end);
            Append(replacement.Slice(k, width), s, e);
            k += width;
        }
    }

    /// <summary>Appends replacement text attributed to the last code point of units [from, to) (HF's Replace).</summary>
    public void ReplaceAtLast(Piece piece, int from, int to, ReadOnlySpan<char> replacement)
    {
        var last = to - 1;
        if (last > from && char.IsLowSurrogate(piece.Span[last]))
        {
            last--;
        }

        var (s, e) = piece.OriginalRange(last, to);
        Append(replacement, s, e);
    }

    public AlignedText Build() => AlignedText.Transformed(_text.ToString(), [.. _starts], [.. _ends]);
}
