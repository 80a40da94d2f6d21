using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>
/// "Metaspace": spaces become the replacement character (▁), one is put in front per the prepend scheme, and the text
/// is cut before each replacement character when <c>split</c> is on.
/// </summary>
internal sealed class MetaspacePreTokenizer(char replacement, PrependScheme scheme, bool split) : PreTokenizer
{
    public override void Split(Piece piece, List<Piece> output, SplitScratch scratch)
    {
        var span = piece.Span;
        var prepend = span.Length > 0 && span[0] != replacement && span[0] != ' ' && (scheme == PrependScheme.Always
            || (scheme == PrependScheme.First && piece.OriginalRange(0, 1).Start == 0));
        var b = new TextBuilder(span.Length + 1);
        if (prepend)
        {
            b.Replace(piece, 0, 1, new ReadOnlySpan<char>(in replacement));
        }

        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == ' ')
            {
                b.Replace(piece, i, i + 1, new ReadOnlySpan<char>(in replacement));
            }
            else
            {
                b.Copy(piece, i, i + 1);
            }
        }

        var rewritten = Piece.Whole(b.Build());
        if (!split)
        {
            output.Add(rewritten);
            return;
        }

        Splitter.Emit(rewritten, Splitter.ByCodePoint(rewritten.Span, r => r.Value == replacement, scratch.Segments),
            SplitBehavior.MergedWithNext, output);
    }
}
