using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>"Split": a literal or regex pattern with a delimiter behaviour, optionally inverted.</summary>
internal sealed class SplitPreTokenizer(Regex pattern, SplitBehavior behavior, bool invert) : PreTokenizer
{
    public override void Split(Piece piece, List<Piece> output, SplitScratch scratch) =>
        Splitter.Emit(piece, Splitter.ByRegex(piece.Span, pattern, invert, scratch.Segments), behavior, output);
}
