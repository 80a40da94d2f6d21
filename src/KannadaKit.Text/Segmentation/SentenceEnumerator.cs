namespace KannadaKit.Text.Segmentation;

/// <summary>Allocation-free enumerator of sentences; use with <c>foreach</c>.</summary>
public ref struct SentenceEnumerator
{
    private readonly SentenceSplitter _splitter;
    private readonly ReadOnlySpan<char> _text;
    private int _next;

    internal SentenceEnumerator(SentenceSplitter splitter, ReadOnlySpan<char> text)
    {
        _splitter = splitter;
        _text = text;
        _next = 0;
        Current = default;
    }

    /// <summary>The current sentence.</summary>
    public TextSegment Current { get; private set; }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly SentenceEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next sentence.</summary>
    public bool MoveNext()
    {
        while (_next < _text.Length && char.IsWhiteSpace(_text[_next]))
        {
            _next++;
        }

        if (_next >= _text.Length)
        {
            return false;
        }

        int end = _splitter.SentenceEnd(_text, _next);
        if (end <= _next)
        {
            end = _next + 1; // never stall
        }

        Current = new TextSegment(_next, end - _next);
        _next = end;
        return true;
    }
}
