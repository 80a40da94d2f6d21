using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"Lowercase": full lower-case mapping per code point (as Rust's char::to_lowercase).</summary>
internal sealed class LowercaseNormalizer : Normalizer
{
    public override AlignedText Normalize(AlignedText input) => MapCodePoints(input, static (rune, sb) =>
    {
        if (rune.Value == 0x130)
        {
            // The one full mapping that is not 1:1 in the BMP: İ → i + combining dot above.
            sb.Append("i\u0307");
            return true;
        }

        var lower = Rune.ToLowerInvariant(rune);
        if (lower == rune)
        {
            return false;
        }

        sb.Append(lower.ToString());
        return true;
    });
}
