using System.Text;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>One step of a tokenizer.json "normalizer": rewrites text while keeping offsets into the original.</summary>
internal abstract class Normalizer
{
    public abstract AlignedText Normalize(AlignedText input);

    /// <summary>
    /// Rewrites code point by code point: <paramref name="map"/> writes the replacement of one code point (possibly
    /// empty, possibly several) into the builder, or returns false to keep it. Returns the input when nothing changed.
    /// </summary>
    protected static AlignedText MapCodePoints(AlignedText input, CodePointMap map)
    {
        var text = input.Span;
        var scratch = new StringBuilder();
        TextBuilder? output = null;
        for (var i = 0; i < text.Length;)
        {
            // A lone surrogate decodes as U+FFFD of width 1; the map sees that and the unit is kept as it was.
            Rune.DecodeFromUtf16(text[i..], out var rune, out var width);
            scratch.Clear();
            var changed = map(rune, scratch);
            if (changed && output is null)
            {
                output = new TextBuilder(text.Length + 8);
                output.Copy(Piece.Whole(input), 0, i);
            }

            if (output is not null)
            {
                var piece = Piece.Whole(input);
                if (changed)
                {
                    foreach (var chunk in scratch.GetChunks())
                    {
                        output.ReplaceAligned(piece, i, i + width, chunk.Span);
                    }
                }
                else
                {
                    output.Copy(piece, i, i + width);
                }
            }

            i += width;
        }

        return output?.Build() ?? input;
    }

    protected delegate bool CodePointMap(Rune rune, StringBuilder replacement);
}
