using System.Globalization;
using System.Text;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>"NFC", "NFD", "NFKC", "NFKD". Normalizes grapheme by grapheme so each output unit keeps its origin.</summary>
internal sealed class UnicodeFormNormalizer(NormalizationForm form) : Normalizer
{
    public NormalizationForm Form { get; } = form;

    public override AlignedText Normalize(AlignedText input)
    {
        var text = input.Span;
        if (text.IsNormalized(Form))
        {
            return input;
        }

        var output = new TextBuilder(text.Length + 8);
        var piece = Piece.Whole(input);
        for (var i = 0; i < text.Length;)
        {
            var n = StringInfo.GetNextTextElementLength(text[i..]);
            var cluster = text.Slice(i, n);
            if (cluster.IsNormalized(Form))
            {
                output.Copy(piece, i, i + n);
            }
            else
            {
                output.ReplaceAligned(piece, i, i + n, cluster.ToString().Normalize(Form));
            }

            i += n;
        }

        var built = output.Build();
        // Per-grapheme normalization equals whole-string normalization for all but pathological input; if it ever
        // differs, the text wins over fine-grained offsets.
        var whole = text.ToString().Normalize(Form);
        if (!built.Span.SequenceEqual(whole))
        {
            var coarse = new TextBuilder(whole.Length);
            coarse.Replace(piece, 0, text.Length, whole);
            return coarse.Build();
        }

        return built;
    }
}
