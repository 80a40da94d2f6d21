using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>"Digits": numeric characters isolated one by one, or kept in runs.</summary>
internal sealed class DigitsPreTokenizer(bool individual) : PreTokenizer
{
    public override void Split(Piece piece, List<Piece> output, SplitScratch scratch) =>
        Splitter.Emit(piece, Splitter.ByCodePoint(piece.Span, IsNumeric, scratch.Segments),
            individual ? SplitBehavior.Isolated : SplitBehavior.Contiguous, output);

    // Rust's char::is_numeric: Nd, Nl and No (Kannada digits included).
    internal static bool IsNumeric(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
}
