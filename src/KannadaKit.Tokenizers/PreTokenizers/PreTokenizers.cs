using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>"Split": a literal or regex pattern with a delimiter behaviour, optionally inverted.</summary>
internal sealed class SplitPreTokenizer(Regex pattern, SplitBehavior behavior, bool invert) : PreTokenizer
{
    public override void Split(Piece piece, List<Piece> output) =>
        Splitter.Emit(piece, Splitter.ByRegex(piece.Span, pattern, invert), behavior, output);
}

/// <summary>"Whitespace": runs of word characters, and runs of other non-space characters.</summary>
internal sealed partial class WhitespacePreTokenizer : PreTokenizer
{
    // Rust's \w: alphabetic, all marks, decimal digits, connector punctuation and the joiners.
    [GeneratedRegex(@"[\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}\u200C\u200D]+|[^\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}\u200C\u200D\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    public override void Split(Piece piece, List<Piece> output) =>
        Splitter.Emit(piece, Splitter.ByRegex(piece.Span, Words(), invert: true), SplitBehavior.Removed, output);
}

/// <summary>"WhitespaceSplit": splits on white space, dropping it.</summary>
internal sealed class WhitespaceSplitPreTokenizer : PreTokenizer
{
    public override void Split(Piece piece, List<Piece> output) =>
        Splitter.Emit(piece, Splitter.ByCodePoint(piece.Span, Rune.IsWhiteSpace), SplitBehavior.Removed, output);
}

/// <summary>"CharDelimiterSplit": splits on one character, dropping it.</summary>
internal sealed class CharDelimiterPreTokenizer(Rune delimiter) : PreTokenizer
{
    public override void Split(Piece piece, List<Piece> output) =>
        Splitter.Emit(piece, Splitter.ByCodePoint(piece.Span, r => r == delimiter), SplitBehavior.Removed, output);
}

/// <summary>"Digits": numeric characters isolated one by one, or kept in runs.</summary>
internal sealed class DigitsPreTokenizer(bool individual) : PreTokenizer
{
    public override void Split(Piece piece, List<Piece> output) =>
        Splitter.Emit(piece, Splitter.ByCodePoint(piece.Span, IsNumeric),
            individual ? SplitBehavior.Isolated : SplitBehavior.Contiguous, output);

    // Rust's char::is_numeric: Nd, Nl and No (Kannada digits included).
    internal static bool IsNumeric(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
}

/// <summary>"Punctuation": each punctuation character is a delimiter, handled per behaviour.</summary>
internal sealed class PunctuationPreTokenizer(SplitBehavior behavior) : PreTokenizer
{
    public override void Split(Piece piece, List<Piece> output) =>
        Splitter.Emit(piece, Splitter.ByCodePoint(piece.Span, IsPunctuation), behavior, output);

    internal static bool IsPunctuation(Rune r) => (r.IsAscii && char.IsAsciiLetterOrDigit((char)r.Value) is false
        && r.Value is > 32 and < 127) || Rune.GetUnicodeCategory(r) is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation;
}

/// <summary>"BertPreTokenizer": split on white space (dropped), then isolate each punctuation character.</summary>
internal sealed class BertPreTokenizer : PreTokenizer
{
    private static readonly WhitespaceSplitPreTokenizer s_whitespace = new();
    private static readonly PunctuationPreTokenizer s_punctuation = new(SplitBehavior.Isolated);

    public override void Split(Piece piece, List<Piece> output)
    {
        var words = new List<Piece>();
        s_whitespace.Split(piece, words);
        foreach (var w in words)
        {
            s_punctuation.Split(w, output);
        }
    }
}

/// <summary>
/// "Metaspace": spaces become the replacement character (▁), one is put in front per the prepend scheme, and the text
/// is cut before each replacement character when <c>split</c> is on.
/// </summary>
internal sealed class MetaspacePreTokenizer(char replacement, PrependScheme scheme, bool split) : PreTokenizer
{
    public override void Split(Piece piece, List<Piece> output)
    {
        var span = piece.Span;
        var prepend = span.Length > 0 && span[0] != replacement && span[0] != ' ' && (scheme == PrependScheme.Always
            || (scheme == PrependScheme.First && piece.OriginalRange(0, 1).Start == 0));
        var b = new TextBuilder(span.Length + 1);
        if (prepend)
        {
            b.Replace(piece, 0, 1, replacement.ToString());
        }

        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == ' ')
            {
                b.Replace(piece, i, i + 1, replacement.ToString());
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

        Splitter.Emit(rewritten, Splitter.ByCodePoint(rewritten.Span, r => r.Value == replacement),
            SplitBehavior.MergedWithNext, output);
    }
}

/// <summary>Where Metaspace puts its leading replacement character.</summary>
internal enum PrependScheme
{
    Always,
    First,
    Never,
}

/// <summary>
/// "ByteLevel": optionally a leading space, optionally GPT-2's split regex, then every UTF-8 byte becomes its
/// printable stand-in so byte-level BPE sees an alphabet of 256 symbols.
/// </summary>
internal sealed partial class ByteLevelPreTokenizer(bool addPrefixSpace, bool useRegex, bool deferBytes = false) : PreTokenizer
{
    internal override PreTokenizer DeferFinalByteLevel() => new ByteLevelPreTokenizer(addPrefixSpace, useRegex, deferBytes: true);

    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Gpt2();

    public override void Split(Piece piece, List<Piece> output)
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

        var parts = new List<Piece>();
        Splitter.Emit(piece, Splitter.ByRegex(piece.Span, Gpt2(), invert: false), SplitBehavior.Isolated, parts);
        foreach (var p in parts)
        {
            output.Add(deferBytes ? p with { Bytes = true } : ToBytes(p));
        }
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
