using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"ByteLevel" as a normalizer: each UTF-8 byte becomes its printable stand-in character.</summary>
internal sealed class ByteLevelNormalizer : Normalizer
{
    public override AlignedText Normalize(AlignedText input) => MapCodePoints(input, static (rune, sb) =>
    {
        Span<byte> bytes = stackalloc byte[4];
        var n = rune.EncodeToUtf8(bytes);
        for (var i = 0; i < n; i++)
        {
            sb.Append(ByteLevelAlphabet.CharOf(bytes[i]));
        }

        return true;
    });
}
