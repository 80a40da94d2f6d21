namespace KannadaKit.Lexicon.Ellara;

/// <summary>One change the respeller made: <paramref name="Length"/> UTF-16 units at <paramref name="Start"/> of the
/// source became <paramref name="After"/>.</summary>
public readonly record struct EllaraEdit(EllaraChange Change, int Start, int Length, string Before, string After)
{
    /// <inheritdoc />
    public override string ToString() => $"{(int)Change} {Change}: {Before} → {After} at {Start}";
}
