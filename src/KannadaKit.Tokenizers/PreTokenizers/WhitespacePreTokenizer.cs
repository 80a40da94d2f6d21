using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>"Whitespace": runs of word characters, and runs of other non-space characters.</summary>
internal sealed partial class WhitespacePreTokenizer : PreTokenizer
{
    // Rust regex's \w, which this must reproduce (not KannadaKit's WordCharacters): alphabetic, all marks, decimal
    // digits, connector punctuation and the joiners.
    [GeneratedRegex(@"[\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}\u200C\u200D]+|[^\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}\u200C\u200D\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    public override void Split(Piece piece, List<Piece> output, SplitScratch scratch) =>
        Splitter.Emit(piece, Splitter.ByRegex(piece.Span, Words(), invert: true, scratch.Segments), SplitBehavior.Removed, output);
}
