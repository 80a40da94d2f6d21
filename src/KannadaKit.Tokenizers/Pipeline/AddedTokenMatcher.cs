using System.Text;

namespace KannadaKit.Tokenizers.Pipeline;

/// <summary>
/// Finds added tokens in text before the model sees it: leftmost match first, the longest at that position, then the
/// single_word, lstrip and rstrip rules. One matcher runs on the raw text (normalized:false tokens), another on the
/// normalized text (normalized:true tokens, whose content is normalized the same way).
/// </summary>
internal sealed class AddedTokenMatcher
{
    private readonly Dictionary<char, List<(string Text, AddedToken Token)>> _byFirstChar = [];

    public AddedTokenMatcher(IEnumerable<(string Text, AddedToken Token)> tokens)
    {
        foreach (var (text, token) in tokens)
        {
            if (text.Length == 0)
            {
                continue;
            }

            if (!_byFirstChar.TryGetValue(text[0], out var list))
            {
                _byFirstChar[text[0]] = list = [];
            }

            list.Add((text, token));
        }

        foreach (var list in _byFirstChar.Values)
        {
            list.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
        }
    }

    public bool IsEmpty => _byFirstChar.Count == 0;

    /// <summary>Segments covering <paramref name="text"/>: (start, end, token or null for plain text).</summary>
    public List<(int Start, int End, AddedToken? Token)> Split(ReadOnlySpan<char> text)
    {
        var result = new List<(int, int, AddedToken?)>();
        var startOffset = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!_byFirstChar.TryGetValue(text[i], out var candidates))
            {
                i++;
                continue;
            }

            (string Text, AddedToken Token)? hit = null;
            foreach (var c in candidates)
            {
                if (text[i..].StartsWith(c.Text, StringComparison.Ordinal))
                {
                    hit = c;
                    break;
                }
            }

            if (hit is null)
            {
                i++;
                continue;
            }

            var (content, token) = hit.Value;
            var start = i;
            var stop = i + content.Length;
            if (token.SingleWord)
            {
                var startFree = start == 0 || !IsWordChar(PreviousRune(text, start));
                var stopFree = stop == text.Length || !IsWordChar(NextRune(text, stop));
                if (!startFree || !stopFree)
                {
                    // Leftmost-longest: the next search starts after this match even when it is discarded.
                    i = stop;
                    continue;
                }
            }

            if (token.LStrip)
            {
                var s = start;
                while (s > 0 && char.IsWhiteSpace(text[s - 1]))
                {
                    s--;
                }

                start = Math.Max(s, startOffset);
            }

            if (token.RStrip)
            {
                while (stop < text.Length && char.IsWhiteSpace(text[stop]))
                {
                    stop++;
                }
            }

            if (startOffset < start)
            {
                result.Add((startOffset, start, null));
            }

            result.Add((start, stop, token));
            startOffset = stop;
            i = stop;
        }

        if (startOffset < text.Length)
        {
            result.Add((startOffset, text.Length, null));
        }

        return result;
    }

    private static Rune PreviousRune(ReadOnlySpan<char> text, int at)
    {
        Rune.DecodeLastFromUtf16(text[..at], out var r, out _);
        return r;
    }

    private static Rune NextRune(ReadOnlySpan<char> text, int at)
    {
        Rune.DecodeFromUtf16(text[at..], out var r, out _);
        return r;
    }

    // The HF library's single_word check, which this must reproduce (not KannadaKit's WordCharacters): Rust's
    // char::is_alphanumeric plus '_'; marks count, so Kannada words stay whole.
    private static bool IsWordChar(Rune r) => r.Value == '_' || Rune.IsLetterOrDigit(r) || Rune.IsNumber(r)
        || Rune.GetUnicodeCategory(r) is System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.LetterNumber;
}
