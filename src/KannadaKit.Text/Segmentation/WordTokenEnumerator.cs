namespace KannadaKit.Text.Segmentation;

/// <summary>Allocation-free enumerator of word tokens; use with <c>foreach</c>.</summary>
public ref struct WordTokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private readonly bool _splitSuffixes;
    private int _next;
    private int _pendingSuffixStart;
    private int _pendingSuffixEnd;

    internal WordTokenEnumerator(ReadOnlySpan<char> text, bool splitSuffixes)
    {
        _text = text;
        _splitSuffixes = splitSuffixes;
        _pendingSuffixStart = -1;
    }

    /// <summary>The current token.</summary>
    public (TokenKind Kind, TextSegment Segment) Current { get; private set; }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly WordTokenEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next token.</summary>
    public bool MoveNext()
    {
        if (_pendingSuffixStart >= 0)
        {
            Current = (TokenKind.Suffix, new TextSegment(_pendingSuffixStart, _pendingSuffixEnd - _pendingSuffixStart));
            _next = _pendingSuffixEnd;
            _pendingSuffixStart = -1;
            return true;
        }

        if (!WordTokenizer.Next(_text, _next, out var kind, out int start, out int end, out int suffix))
        {
            _next = _text.Length;
            return false;
        }

        if (kind == TokenKind.NumberWithSuffix && _splitSuffixes)
        {
            Current = (TokenKind.Number, new TextSegment(start, suffix - start));
            _pendingSuffixStart = suffix;
            _pendingSuffixEnd = end;
            return true;
        }

        Current = (kind, new TextSegment(start, end - start));
        _next = end;
        return true;
    }
}
