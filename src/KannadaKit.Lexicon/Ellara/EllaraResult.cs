namespace KannadaKit.Lexicon.Ellara;

/// <summary>A respelled text, the text its edit offsets refer to (the input, in NFC), and the edits in order.</summary>
public sealed record EllaraResult(string Text, string Source, IReadOnlyList<EllaraEdit> Edits)
{
    /// <summary>True when nothing changed.</summary>
    public bool Unchanged => Edits.Count == 0;
}
