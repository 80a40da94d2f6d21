using KannadaKit.Text.Scripts;
using System.Globalization;

namespace KannadaKit.Text.Segmentation;

/// <summary>
/// Splits text into words, numbers, URLs, e-mails, handles, hashtags, punctuation and symbols, keeping every offset.
/// Words keep their vowel signs, viramas and joiners (regex <c>\w</c> does not: Kannada vowel signs are category Mc).
/// </summary>
/// <remarks>Immutable and thread-safe. The span API (<see cref="Enumerate"/>) does not allocate.</remarks>
public sealed class WordTokenizer
{
    private const char Zwsp = '\u200B';
    private const char Bom = '\uFEFF';

    /// <summary>Creates a tokenizer.</summary>
    public WordTokenizer(WordTokenizerOptions? options = null) => Options = options ?? WordTokenizerOptions.Default;

    /// <summary>A tokenizer with default options.</summary>
    public static WordTokenizer Default { get; } = new();

    /// <summary>The options.</summary>
    public WordTokenizerOptions Options { get; }

    /// <summary>Enumerates tokens as (kind, range) without allocating.</summary>
    public WordTokenEnumerator Enumerate(ReadOnlySpan<char> text) => new(text, Options.SplitNumberSuffixes);

    /// <summary>Number of tokens.</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        int n = 0;
        foreach (var _ in Enumerate(text))
        {
            n++;
        }

        return n;
    }

    /// <summary>Tokenizes <paramref name="text"/>; <see cref="TokenizedText.Detokenize"/> gives it back exactly.</summary>
    public TokenizedText Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(TokenKind Kind, TextSegment Segment)>();
        foreach (var t in Enumerate(text))
        {
            spans.Add(t);
        }

        var tokens = new List<WordToken>(spans.Count);
        for (int k = 0; k < spans.Count; k++)
        {
            var (kind, seg) = spans[k];
            int next = k + 1 < spans.Count ? spans[k + 1].Segment.Start : text.Length;
            tokens.Add(new WordToken(kind, seg.Start, seg.Of(text), text[seg.End..next]));
        }

        string leading = spans.Count == 0 ? text : text[..spans[0].Segment.Start];
        return new TokenizedText(leading, tokens);
    }

    /// <summary>
    /// Finds the next token at or after <paramref name="from"/>: returns false at the end. <paramref name="suffixStart"/>
    /// is where a number's suffix begins (or -1).
    /// </summary>
    internal static bool Next(ReadOnlySpan<char> s, int from, out TokenKind kind, out int start, out int end, out int suffixStart)
    {
        int i = from;
        while (i < s.Length && IsGap(s[i]))
        {
            i++;
        }

        start = i;
        suffixStart = -1;
        kind = TokenKind.Word;
        if (i >= s.Length)
        {
            end = i;
            return false;
        }

        char c = s[i];
        if (TryUrl(s, i, out end))
        {
            kind = TokenKind.Url;
        }
        else if (char.IsAsciiLetterOrDigit(c) && TryEmail(s, i, out end))
        {
            kind = TokenKind.Email;
        }
        else if (char.IsDigit(c))
        {
            end = NumberEnd(s, i);
            if (end < s.Length && IsWordStart(s[end]))
            {
                suffixStart = end;
                end = WordEnd(s, end);
                kind = TokenKind.NumberWithSuffix;
            }
            else
            {
                kind = TokenKind.Number;
            }
        }
        else if (IsWordStart(c) || char.IsSurrogate(c) && IsLetterAt(s, i))
        {
            end = WordEnd(s, i);
        }
        else if (c == '@' && i + 1 < s.Length && IsHandleChar(s[i + 1]))
        {
            end = i + 1;
            while (end < s.Length && IsHandleChar(s[end]))
            {
                end++;
            }

            kind = TokenKind.Handle;
        }
        else if (c == '#' && i + 1 < s.Length && (IsWordStart(s[i + 1]) || char.IsDigit(s[i + 1])))
        {
            end = i + 1;
            while (end < s.Length && (IsWordChar(s[end]) || s[end] == '_'))
            {
                end++;
            }

            kind = TokenKind.Hashtag;
        }
        else if (c == '.')
        {
            end = i + 1;
            while (end < s.Length && s[end] == '.')
            {
                end++;
            }

            kind = TokenKind.Punctuation;
        }
        else
        {
            end = i + Math.Max(1, char.IsSurrogate(c) || (i + 1 < s.Length && s[i + 1] >= 0x300) ? StringInfo.GetNextTextElementLength(s[i..]) : 1);
            kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
        }

        return true;
    }

    /// <summary>Whitespace, and the invisible characters that separate words (ZWSP, BOM).</summary>
    private static bool IsGap(char c) => char.IsWhiteSpace(c) || c is Zwsp or Bom;

    private static bool IsWordStart(char c)
    {
        var cat = char.GetUnicodeCategory(c);
        return cat <= UnicodeCategory.EnclosingMark // letters (Lu…Lo) and marks (Mn, Mc, Me)
            || c is '\u200C' or '\u200D';
    }

    /// <summary>Word characters, and the other format characters that sit inside words (soft hyphen, word joiner).</summary>
    private static bool IsWordChar(char c) =>
        WordCharacters.IsWordChar(c) || (char.GetUnicodeCategory(c) == UnicodeCategory.Format && !IsGap(c));

    private static bool IsLetterAt(ReadOnlySpan<char> s, int i) =>
        System.Text.Rune.DecodeFromUtf16(s[i..], out var r, out _) == System.Buffers.OperationStatus.Done && System.Text.Rune.IsLetter(r);

    private static int WordEnd(ReadOnlySpan<char> s, int i)
    {
        int j = i;
        while (j < s.Length)
        {
            char c = s[j];
            if (IsWordChar(c))
            {
                j++;
            }
            else if (char.IsHighSurrogate(c) && IsLetterAt(s, j))
            {
                j += 2;
            }
            else if (c is '\'' or '\u2019' && j > i && j + 1 < s.Length && char.IsLetter(s[j - 1]) && char.IsLetter(s[j + 1]))
            {
                j++; // apostrophe inside a word: don't, O'Neil
            }
            else
            {
                break;
            }
        }

        return j;
    }

    private static int Digits(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsDigit(s[i]))
        {
            i++;
        }

        return i;
    }

    private static int NumberEnd(ReadOnlySpan<char> s, int i)
    {
        int j = Digits(s, i);
        int firstGroup = j - i;
        while (j + 1 < s.Length && char.IsDigit(s[j + 1]))
        {
            char sep = s[j];
            if (sep is '.' or ',' or ':' or '/')
            {
                j = Digits(s, j + 1); // 3.14, 1,00,000, 10:30, 12.05.2024, 12/05/2024
            }
            else if (sep == '-' && firstGroup == 4 && IsIsoDateTail(s, j))
            {
                j = Digits(s, Digits(s, j + 1) + 1); // 2024-05-12
            }
            else
            {
                break;
            }
        }

        return j;
    }

    private static bool IsIsoDateTail(ReadOnlySpan<char> s, int dash)
    {
        int m = Digits(s, dash + 1);
        return m - dash - 1 is 1 or 2 && m + 1 < s.Length && s[m] == '-' && Digits(s, m + 1) - m - 1 is 1 or 2;
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool TryUrl(ReadOnlySpan<char> s, int i, out int end)
    {
        end = i;
        var rest = s[i..];
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        int j = i;
        while (j < s.Length && !IsGap(s[j]))
        {
            j++;
        }

        // Sentence punctuation after a URL is not part of it; a closing bracket is only when the URL opened one.
        bool opened = s[i..j].Contains('(');
        while (j > i && (s[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '\u201D' or '\u2019' or '\u0964'
            || (s[j - 1] == ')' && !opened)))
        {
            j--;
        }

        end = j;
        return end > i + 4;
    }

    private static bool TryEmail(ReadOnlySpan<char> s, int i, out int end)
    {
        end = i;
        int j = i;
        while (j < s.Length && (char.IsAsciiLetterOrDigit(s[j]) || s[j] is '.' or '_' or '%' or '+' or '-'))
        {
            j++;
        }

        if (j >= s.Length || s[j] != '@' || j == i)
        {
            return false;
        }

        int domainStart = j + 1;
        int k = domainStart;
        int lastDot = -1;
        while (k < s.Length && (char.IsAsciiLetterOrDigit(s[k]) || s[k] is '-' or '.'))
        {
            if (s[k] == '.')
            {
                lastDot = k;
            }

            k++;
        }

        while (k > domainStart && s[k - 1] == '.')
        {
            k--; // a sentence-final full stop
        }

        if (lastDot >= k)
        {
            lastDot = s[domainStart..k].LastIndexOf('.') is var d and >= 0 ? domainStart + d : -1;
        }

        if (lastDot <= domainStart || k - lastDot - 1 < 2)
        {
            return false;
        }

        end = k;
        return true;
    }
}
