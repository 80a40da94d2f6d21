namespace KannadaKit.Text.Normalization;

/// <summary>
/// What a rule sees and writes through: the source line, and edits expressed as replacements of source ranges.
/// Unedited text is copied in bulk; edits must come in increasing source order.
/// </summary>
public ref struct TextRewriter
{
    private readonly ReadOnlySpan<char> _source;
    private readonly RewriteBuffer _output;
    private int _flushed;

    internal TextRewriter(ReadOnlySpan<char> source, RewriteBuffer output)
    {
        _source = source;
        _output = output;
        FirstChangeSource = -1;
        FirstChangeOutput = -1;
    }

    /// <summary>The text the rule rewrites: one line without its line feed.</summary>
    public readonly ReadOnlySpan<char> Source => _source;

    /// <summary>Number of edits made so far.</summary>
    public int Changes { get; private set; }

    internal int FirstChangeSource { get; private set; }

    internal int FirstChangeOutput { get; private set; }

    /// <summary>Replaces <paramref name="length"/> source chars at <paramref name="start"/> with <paramref name="replacement"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range starts before an earlier edit ended.</exception>
    public void Replace(int start, int length, scoped ReadOnlySpan<char> replacement)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(start, _flushed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, _source.Length);
        CopyUpTo(start);
        if (Changes == 0)
        {
            FirstChangeSource = start;
            FirstChangeOutput = _output.Length;
        }

        _output.AppendReplacement(replacement, start, length);
        _flushed = start + length;
        Changes++;
    }

    /// <summary>Replaces a source range with one char.</summary>
    public void Replace(int start, int length, char replacement) =>
        Replace(start, length, new ReadOnlySpan<char>(in replacement));

    /// <summary>Deletes a source range.</summary>
    public void Delete(int start, int length) => Replace(start, length, []);

    internal void Finish() => CopyUpTo(_source.Length);

    private void CopyUpTo(int end)
    {
        if (end > _flushed)
        {
            _output.AppendCopy(_source[_flushed..end], _flushed);
            _flushed = end;
        }
    }
}
