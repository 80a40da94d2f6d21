using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"BertNormalizer": clean control characters, space out CJK, optionally strip accents and lower-case.</summary>
internal sealed class BertNormalizer(bool cleanText, bool handleChineseChars, bool stripAccents, bool lowercase) : Normalizer
{
    private static readonly UnicodeFormNormalizer s_nfd = new(NormalizationForm.FormD);
    private static readonly LowercaseNormalizer s_lower = new();

    public override AlignedText Normalize(AlignedText input)
    {
        if (cleanText)
        {
            input = MapCodePoints(input, static (rune, sb) =>
            {
                var v = rune.Value;
                if (v == 0 || v == 0xFFFD || IsControl(rune))
                {
                    return true;
                }

                if (v != ' ' && IsWhitespace(rune))
                {
                    sb.Append(' ');
                    return true;
                }

                return false;
            });
        }

        if (handleChineseChars)
        {
            input = MapCodePoints(input, static (rune, sb) =>
            {
                if (!IsChinese(rune.Value))
                {
                    return false;
                }

                sb.Append(' ').Append(rune.ToString()).Append(' ');
                return true;
            });
        }

        if (stripAccents)
        {
            input = MapCodePoints(s_nfd.Normalize(input), static (rune, _) =>
                Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark);
        }

        return lowercase ? s_lower.Normalize(input) : input;
    }

    private static bool IsWhitespace(Rune r) => r.Value is '\t' or '\n' or '\r' || Rune.IsWhiteSpace(r);

    // The HF library's clean_text drops Cc, Cf and Co but keeps unassigned code points (Cn): U+0CBB in the 5 MB
    // corpus stays a token there (checked against it; regression: we dropped it).
    private static bool IsControl(Rune r) => r.Value is not ('\t' or '\n' or '\r') && Rune.GetUnicodeCategory(r) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse;

    private static bool IsChinese(int v) => v is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF
        or >= 0x20000 and <= 0x2A6DF or >= 0x2A700 and <= 0x2B73F or >= 0x2B740 and <= 0x2B81F
        or >= 0x2B920 and <= 0x2CEAF or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;
}
