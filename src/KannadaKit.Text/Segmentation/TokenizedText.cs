namespace KannadaKit.Text.Segmentation;

/// <summary>Tokens of a text plus the whitespace before the first one: everything needed to rebuild the text exactly.</summary>
/// <param name="Leading">Whitespace before the first token.</param>
/// <param name="Tokens">The tokens in order, each with the whitespace that follows it.</param>
public sealed record TokenizedText(string Leading, IReadOnlyList<WordToken> Tokens)
{
    /// <summary>Rebuilds the original text: leading whitespace, then each token and the whitespace after it.</summary>
    public string Detokenize()
    {
        var sb = new System.Text.StringBuilder(Leading);
        foreach (var t in Tokens)
        {
            sb.Append(t.Text).Append(t.SpaceAfter);
        }

        return sb.ToString();
    }
}
