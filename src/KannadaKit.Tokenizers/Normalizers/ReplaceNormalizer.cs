using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"Replace": every non-overlapping match of a literal or a regex becomes the given content.</summary>
internal sealed class ReplaceNormalizer(Regex pattern, string content) : Normalizer
{
    public override NormalizedText Normalize(NormalizedText input)
    {
        var text = input.Text;
        TextBuilder? output = null;
        var piece = Piece.Whole(input);
        var last = 0;
        foreach (var m in pattern.EnumerateMatches(text))
        {
            if (m.Length == 0)
            {
                continue;
            }

            output ??= new TextBuilder(text.Length + 8);
            output.Copy(piece, last, m.Index);
            if (content.Length > 0)
            {
                output.ReplaceAtLast(piece, m.Index, m.Index + m.Length, content);
            }

            last = m.Index + m.Length;
        }

        if (output is null)
        {
            return input;
        }

        output.Copy(piece, last, text.Length);
        return output.Build();
    }
}
