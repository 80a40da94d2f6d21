using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;
using KannadaKit.Tokenizers.PreTokenizers;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"Replace": every non-overlapping match of a literal or a regex becomes the given content.</summary>
internal sealed class ReplaceNormalizer(Regex pattern, string content) : Normalizer
{
    /// <summary>How many times longer than the original text normalization may make it. Real files replace a
    /// character with one or a few (" " → "▁", "\n" → "&lt;n&gt;"); four chained replacements of one character by
    /// hundreds reached 23.7 GB on a short line.</summary>
    public const int MaxGrowth = 16;

    public override AlignedText Normalize(AlignedText input)
    {
        var text = input.Span;
        TextBuilder? output = null;
        var piece = Piece.Whole(input);
        var last = 0;
        long length = text.Length;
        long limit = Limit(input);
        try
        {
            foreach (var m in pattern.EnumerateMatches(text))
            {
                if (m.Length == 0)
                {
                    continue;
                }

                length += content.Length - m.Length;
                if (length > limit)
                {
                    throw new TokenizerException(
                        $"Replace normalizer ({pattern} → {content.Length} characters) makes the text over {MaxGrowth} times longer than the input; refusing");
                }

                output ??= new TextBuilder(text.Length + 8);
                output.Copy(piece, last, m.Index);
                if (content.Length > 0)
                {
                    output.ReplaceAtLast(piece, m.Index, m.Index + m.Length, content);
                }

                last = m.Index + m.Length;
            }
        }
        catch (RegexMatchTimeoutException e)
        {
            throw OnigurumaRegex.TimedOut(pattern, e);
        }

        if (output is null)
        {
            return input;
        }

        output.Copy(piece, last, text.Length);
        return output.Build();
    }

    /// <summary>The bound is on the original text the input came from, so a chain of replacements cannot compound it.</summary>
    private static long Limit(AlignedText input)
    {
        long original = input.Length == 0 ? 0 : input.OriginalEnd(input.Length - 1) - input.OriginalStart(0);
        return (original * MaxGrowth) + 1024;
    }
}
