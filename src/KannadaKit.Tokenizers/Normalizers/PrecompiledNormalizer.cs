using System.Globalization;
using System.Text;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.Normalizers;

/// <summary>
/// "Precompiled" as the HF library applies it: grapheme by grapheme; a grapheme under 6 UTF-8 bytes is looked up
/// whole first (the shortest mapped prefix replaces the whole grapheme), otherwise each code point on its own.
/// </summary>
internal sealed class PrecompiledNormalizer(PrecompiledCharsMap map) : Normalizer
{
    public override AlignedText Normalize(AlignedText input)
    {
        var text = input.Span;
        var piece = Piece.Whole(input);
        TextBuilder? output = null;
        Span<byte> buffer = stackalloc byte[64];
        for (var i = 0; i < text.Length;)
        {
            var n = StringInfo.GetNextTextElementLength(text[i..]);
            var cluster = text.Slice(i, n);
            var byteCount = Encoding.UTF8.GetByteCount(cluster);
            if (byteCount < 6)
            {
                var written = Encoding.UTF8.GetBytes(cluster, buffer);
                if (map.TryShortest(buffer[..written], out _, out var whole))
                {
                    output ??= Start(piece, i);
                    output.ReplaceAligned(piece, i, i + n, whole);
                    i += n;
                    continue;
                }
            }

            for (var j = i; j < i + n;)
            {
                Rune.DecodeFromUtf16(text[j..], out var rune, out var w);
                var written = rune.EncodeToUtf8(buffer);
                if (map.TryShortest(buffer[..written], out _, out var replacement))
                {
                    output ??= Start(piece, j);
                    output.ReplaceAligned(piece, j, j + w, replacement);
                }
                else
                {
                    output?.Copy(piece, j, j + w);
                }

                j += w;
            }

            i += n;
        }

        return output?.Build() ?? input;
    }

    private static TextBuilder Start(Piece piece, int upTo)
    {
        var b = new TextBuilder(piece.Length + 8);
        b.Copy(piece, 0, upTo);
        return b;
    }
}
