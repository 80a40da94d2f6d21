using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"Prepend": puts a string in front of non-empty text; it is attributed to the first character.</summary>
internal sealed class PrependNormalizer(string prefix) : Normalizer
{
    public override AlignedText Normalize(AlignedText input)
    {
        if (input.Length == 0)
        {
            return input;
        }

        var output = new TextBuilder(input.Length + prefix.Length);
        var piece = Piece.Whole(input);
        output.Replace(piece, 0, 1, prefix);
        output.Copy(piece, 0, input.Length);
        return output.Build();
    }
}
