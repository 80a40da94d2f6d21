using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"Lowercase": full lower-case mapping per code point (as Rust's char::to_lowercase).</summary>
internal sealed class LowercaseNormalizer : Normalizer
{
    public override NormalizedText Normalize(NormalizedText input) => MapCodePoints(input, static (rune, sb) =>
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

/// <summary>"Strip": removes leading and/or trailing white space.</summary>
internal sealed class StripNormalizer(bool left, bool right) : Normalizer
{
    public override NormalizedText Normalize(NormalizedText input)
    {
        var text = input.Text;
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

/// <summary>"StripAccents": drops every combining mark (Mn, Mc, Me). Destroys Kannada; kept for compatibility.</summary>
internal sealed class StripAccentsNormalizer : Normalizer
{
    public override NormalizedText Normalize(NormalizedText input) => MapCodePoints(input, static (rune, _) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark);
}

/// <summary>"Prepend": puts a string in front of non-empty text; it is attributed to the first character.</summary>
internal sealed class PrependNormalizer(string prefix) : Normalizer
{
    public override NormalizedText Normalize(NormalizedText input)
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

/// <summary>"Nmt": drops control characters and maps several spaces and separators to a plain space.</summary>
internal sealed class NmtNormalizer : Normalizer
{
    public override NormalizedText Normalize(NormalizedText input) => MapCodePoints(input, static (rune, sb) =>
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

/// <summary>"ByteLevel" as a normalizer: each UTF-8 byte becomes its printable stand-in character.</summary>
internal sealed class ByteLevelNormalizer : Normalizer
{
    public override NormalizedText Normalize(NormalizedText input) => MapCodePoints(input, static (rune, sb) =>
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

/// <summary>"BertNormalizer": clean control characters, space out CJK, optionally strip accents and lower-case.</summary>
internal sealed class BertNormalizer(bool cleanText, bool handleChineseChars, bool stripAccents, bool lowercase) : Normalizer
{
    private static readonly UnicodeFormNormalizer s_nfd = new(NormalizationForm.FormD);
    private static readonly LowercaseNormalizer s_lower = new();

    public override NormalizedText Normalize(NormalizedText input)
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
