namespace KannadaKit.Text.Segmentation;

/// <summary>Allocation-free enumerator over the aksharas of a span; use with <c>foreach</c>.</summary>
public ref struct AksharaEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _next;

    internal AksharaEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _next = 0;
        Current = default;
    }

    /// <summary>The current akshara.</summary>
    public TextSegment Current { get; private set; }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly AksharaEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next akshara.</summary>
    public bool MoveNext()
    {
        if (_next >= _text.Length)
        {
            return false;
        }

        int length = Aksharas.NextLength(_text, _next);
        Current = new TextSegment(_next, length);
        _next += length;
        return true;
    }
}
