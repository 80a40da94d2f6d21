using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"StripAccents": drops every combining mark (Mn, Mc, Me). Destroys Kannada; kept for compatibility.</summary>
internal sealed class StripAccentsNormalizer : Normalizer
{
    public override AlignedText Normalize(AlignedText input) => MapCodePoints(input, static (rune, _) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark);
}
