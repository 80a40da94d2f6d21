using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"Strip": removes leading and/or trailing white space.</summary>
internal sealed class StripNormalizer(bool left, bool right) : Normalizer
{
    public override AlignedText Normalize(AlignedText input)
    {
        var text = input.Span;
        var start = 0;
        var end = text.Length;
        if (left)
        {
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        if (right)
        {
            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }
        }

        if (start == 0 && end == text.Length)
        {
            return input;
        }

        var output = new TextBuilder(end - start);
        output.Copy(Piece.Whole(input), start, end);
        return output.Build();
    }
}
