using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"Nmt": drops control characters and maps several spaces and separators to a plain space.</summary>
internal sealed class NmtNormalizer : Normalizer
{
    public override AlignedText Normalize(AlignedText input) => MapCodePoints(input, static (rune, sb) =>
    {
        switch (rune.Value)
        {
            case >= 0x01 and <= 0x08 or 0x0B or >= 0x0E and <= 0x1F or 0x7F or 0x8F or 0x9F:
                return true;
            case 0x09 or 0x0A or 0x0C or 0x0D or 0x1680 or >= 0x200B and <= 0x200F or 0x2028 or 0x2029 or 0x2581
                or 0xFEFF or 0xFFFD:
                sb.Append(' ');
                return true;
            default:
                return false;
        }
    });
}
