using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>
/// "ByteLevel": optionally a leading space, optionally GPT-2's split regex, then every UTF-8 byte becomes its
/// printable stand-in so byte-level BPE sees an alphabet of 256 symbols.
/// </summary>
internal sealed partial class ByteLevelPreTokenizer(bool addPrefixSpace, bool useRegex, bool deferBytes = false) : PreTokenizer
{
    internal override PreTokenizer DeferFinalByteLevel() => new ByteLevelPreTokenizer(addPrefixSpace, useRegex, deferBytes: true);

    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Gpt2();

    public override void Split(Piece piece, List<Piece> output, SplitScratch scratch)
    {
        if (addPrefixSpace && piece.Length > 0 && piece.Span[0] != ' ')
        {
            var b = new TextBuilder(piece.Length + 1);
            b.Replace(piece, 0, 1, " ");
            b.Copy(piece, 0, piece.Length);
            piece = Piece.Whole(b.Build());
        }

        if (!useRegex)
        {
            output.Add(deferBytes ? piece with { Bytes = true } : ToBytes(piece));
            return;
        }

        var parts = scratch.Rent();
        Splitter.Emit(piece, Splitter.ByRegex(piece.Span, Gpt2(), invert: false, scratch.Segments), SplitBehavior.Isolated, parts);
        foreach (var p in parts)
        {
            output.Add(deferBytes ? p with { Bytes = true } : ToBytes(p));
        }

        scratch.Return();
    }

    internal static Piece ToBytes(Piece piece)
    {
        var span = piece.Span;
        var b = new TextBuilder(span.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < span.Length;)
        {
            Rune.DecodeFromUtf16(span[i..], out var rune, out var width);
            var n = rune.EncodeToUtf8(bytes);
            var (s, e) = piece.OriginalRange(i, i + width);
            for (var k = 0; k < n; k++)
            {
                b.Append(ByteLevelAlphabet.CharOf(bytes[k]), s, e);
            }

            i += width;
        }

        return Piece.Whole(b.Build());
    }
}
