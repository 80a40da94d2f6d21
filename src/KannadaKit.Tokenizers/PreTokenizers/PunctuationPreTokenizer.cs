using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>"Punctuation": each punctuation character is a delimiter, handled per behaviour.</summary>
internal sealed class PunctuationPreTokenizer(SplitBehavior behavior) : PreTokenizer
{
    public override void Split(Piece piece, List<Piece> output, SplitScratch scratch) =>
        Splitter.Emit(piece, Splitter.ByCodePoint(piece.Span, IsPunctuation, scratch.Segments), behavior, output);

    internal static bool IsPunctuation(Rune r) => (r.IsAscii && char.IsAsciiLetterOrDigit((char)r.Value) is false
        && r.Value is > 32 and < 127) || Rune.GetUnicodeCategory(r) is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation;
}
