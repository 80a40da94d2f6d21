using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>"CharDelimiterSplit": splits on one character, dropping it.</summary>
internal sealed class CharDelimiterPreTokenizer(Rune delimiter) : PreTokenizer
{
    public override void Split(Piece piece, List<Piece> output, SplitScratch scratch) =>
        Splitter.Emit(piece, Splitter.ByCodePoint(piece.Span, r => r == delimiter, scratch.Segments), SplitBehavior.Removed, output);
}
