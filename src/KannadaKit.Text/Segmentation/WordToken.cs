namespace KannadaKit.Text.Segmentation;

/// <summary>A word-level token: its kind, where it is in the original text, and the exact whitespace after it.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">Offset of the token in the original text.</param>
/// <param name="Text">The token as it appears in the original.</param>
/// <param name="SpaceAfter">The characters between this token and the next (or the end): what detokenizing puts back.</param>
public sealed record WordToken(TokenKind Kind, int Start, string Text, string SpaceAfter)
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => Text.Length;

    /// <summary>Offset just past the token.</summary>
    public int End => Start + Text.Length;
}
