using KannadaKit.Text.Scripts;

namespace KannadaKit.Text.Segmentation;

/// <summary>
/// Splits text into sentences as offset ranges, never changing the text. Ends sentences at . ? ! । ॥ (with closing
/// quotes and brackets after them) and at blank lines; knows Kannada abbreviations (ಡಾ. ಪ್ರೊ. ರೂ. ಕ್ರಿ.ಶ. ಕ್ರಿ.ಪೂ. ಸಂ.
/// ಶ್ರೀ.), initials (ಯು.ಆರ್. ಅನಂತಮೂರ್ತಿ), list numbers (೧.), decimals, and reported speech ("ಏಕೆ?" ಎಂದು). An ellipsis
/// followed by a space ends a sentence.
/// </summary>
/// <remarks>
/// Unlike indic_nlp's splitter it splits after numbers (ಬೆಲೆ ರೂ. ೫೦೦. ಇದು …) and inserts nothing. Sentences exclude the
/// whitespace around them. Immutable and thread-safe.
/// </remarks>
public sealed class SentenceSplitter
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _postfixes;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _letterNames;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _quotatives;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _openers;

    /// <summary>Creates a splitter.</summary>
    public SentenceSplitter(SentenceSplitterOptions? options = null)
    {
        Options = options ?? SentenceSplitterOptions.Default;
        _prefixes = new HashSet<string>([.. KannadaAbbreviations.Prefixes, .. Options.ExtraAbbreviations]).GetAlternateLookup<ReadOnlySpan<char>>();
        _postfixes = new HashSet<string>(KannadaAbbreviations.Postfixes).GetAlternateLookup<ReadOnlySpan<char>>();
        _letterNames = new HashSet<string>(KannadaAbbreviations.LetterNames).GetAlternateLookup<ReadOnlySpan<char>>();
        _quotatives = new HashSet<string>(KannadaAbbreviations.Quotatives).GetAlternateLookup<ReadOnlySpan<char>>();
        _openers = new HashSet<string>(KannadaAbbreviations.SentenceOpeners).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A splitter with default options.</summary>
    public static SentenceSplitter Default { get; } = new();

    /// <summary>The options.</summary>
    public SentenceSplitterOptions Options { get; }

    /// <summary>The sentences of <paramref name="text"/> as ranges.</summary>
    public IReadOnlyList<TextSegment> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<TextSegment>();
        foreach (var s in Enumerate(text))
        {
            list.Add(s);
        }

        return list;
    }

    /// <summary>Number of sentences.</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        int n = 0;
        foreach (var _ in Enumerate(text))
        {
            n++;
        }

        return n;
    }

    /// <summary>Enumerates the sentences without allocating.</summary>
    public SentenceEnumerator Enumerate(ReadOnlySpan<char> text) => new(this, text);

    /// <summary>End (exclusive, trailing whitespace excluded) of the sentence that starts at <paramref name="start"/>.</summary>
    internal int SentenceEnd(ReadOnlySpan<char> s, int start)
    {
        for (int i = start; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\n')
            {
                if (Options.LineBreaksAreBoundaries || IsBlankLineAhead(s, i + 1))
                {
                    return TrimEnd(s, start, i);
                }
            }
            else if (IsTerminator(c))
            {
                int end = i + 1;
                while (end < s.Length && IsTerminator(s[end]))
                {
                    end++;
                }

                var run = s[i..end];
                while (end < s.Length && IsCloser(s[end]))
                {
                    end++;
                }

                if (end >= s.Length)
                {
                    return end;
                }

                if (!char.IsWhiteSpace(s[end]))
                {
                    i = end - 1;
                    continue; // ಕ್ರಿ.ಶ.೧೯೪೭, 3.14, www.x.org: no space, no boundary
                }

                if (IsBoundary(s, start, i, run, end))
                {
                    return end;
                }

                i = end - 1;
            }
        }

        return TrimEnd(s, start, s.Length);
    }

    private bool IsBoundary(ReadOnlySpan<char> s, int sentenceStart, int terminator, ReadOnlySpan<char> run, int afterClosers)
    {
        int next = afterClosers;
        while (next < s.Length && char.IsWhiteSpace(s[next]) && s[next] != '\n')
        {
            next++;
        }

        if (next >= s.Length || s[next] == '\n')
        {
            return true; // end of text or line: the caller's line-break rule decides the rest
        }

        // Reported speech goes on after a quoted question or exclamation: "ಏಕೆ?" ಎಂದು ಕೇಳಿದ.
        bool quoted = afterClosers > terminator + run.Length;
        if ((quoted || run[0] is '?' or '!') && IsQuotative(WordAt(s, next)))
        {
            return false;
        }

        // e.g. the, i.e. a: a lower-case Latin word after a full stop continues the sentence.
        if (char.IsAsciiLetterLower(s[next]))
        {
            return false;
        }

        if (run is not ".")
        {
            return true; // ? ! । ॥, ellipses and mixed runs end sentences when text follows after a space
        }

        return DotKind(s, sentenceStart, terminator) switch
        {
            Dot.Final => true,
            Dot.NeverFinal => false,
            _ => _openers.Contains(WordAt(s, next)), // an initial or unit ends the sentence only before a sentence opener
        };
    }

    private enum Dot
    {
        Final,
        NeverFinal,
        FinalBeforeOpener,
    }

    /// <summary>What the single full stop at <paramref name="dot"/> is: a sentence end, part of an abbreviation or list number, or either.</summary>
    private Dot DotKind(ReadOnlySpan<char> s, int sentenceStart, int dot)
    {
        // The dotted token before the full stop: ಕ್ರಿ.ಶ, ಯು.ಆರ್, ಡಾ, ೧
        int tokenStart = dot;
        while (tokenStart > sentenceStart && (IsWordChar(s[tokenStart - 1]) || s[tokenStart - 1] == '.'))
        {
            tokenStart--;
        }

        var token = s[tokenStart..dot];
        if (token.IsEmpty)
        {
            return Dot.Final;
        }

        int lastDot = token.LastIndexOf('.');
        var last = lastDot >= 0 ? token[(lastDot + 1)..] : token;
        if (_prefixes.Contains(token) || _prefixes.Contains(last))
        {
            return Dot.NeverFinal;
        }

        // A number alone at the start of a sentence is a list marker: "೧. ಮೊದಲನೆಯದು".
        if (tokenStart == sentenceStart && IsAllDigits(token))
        {
            return Dot.NeverFinal;
        }

        return _postfixes.Contains(token) || _postfixes.Contains(last) || IsInitial(last) ? Dot.FinalBeforeOpener : Dot.Final;
    }

    private bool IsInitial(ReadOnlySpan<char> word)
    {
        if (word.Length == 1 && char.IsAsciiLetterUpper(word[0]))
        {
            return true;
        }

        if (word.IsEmpty || !IndicScripts.IsIndic(word[0]))
        {
            return false;
        }

        return Aksharas.Count(word) == 1 || _letterNames.Contains(word);
    }

    private bool IsQuotative(ReadOnlySpan<char> word)
    {
        if (_quotatives.Contains(word))
        {
            return true;
        }

        foreach (string p in KannadaAbbreviations.QuotativePrefixes)
        {
            if (word.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> WordAt(ReadOnlySpan<char> s, int i)
    {
        int end = i;
        while (end < s.Length && IsWordChar(s[end]))
        {
            end++;
        }

        return s[i..end];
    }

    private static bool IsAllDigits(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordChar(char c) => WordCharacters.IsWordChar(c);

    private static bool IsTerminator(char c) => c is '.' or '?' or '!' or '\u0964' or '\u0965' or '\u2026';

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB' or '\u203A';

    private static bool IsBlankLineAhead(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\r')
        {
            i++;
        }

        return i >= s.Length || s[i] == '\n';
    }

    private static int TrimEnd(ReadOnlySpan<char> s, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        return end;
    }
}
