namespace KannadaKit.Text.Normalization;

/// <summary>
/// Maps positions in normalized text back to the original text. Position <c>Length</c> of the output maps to the
/// end of the input, so ranges map with <see cref="ToSourceRange"/>.
/// </summary>
/// <remarks>Immutable. Characters created by a replacement of a different length map to the start of what they replaced.</remarks>
public sealed class OffsetMap
{
    private readonly int[] _map;

    internal OffsetMap(int[] map) => _map = map;

    /// <summary>Length of the normalized text.</summary>
    public int Length => _map.Length - 1;

    /// <summary>Source index of the output char at <paramref name="outputIndex"/> (0..Length).</summary>
    public int ToSource(int outputIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputIndex, Length);
        return _map[outputIndex];
    }

    /// <summary>The source range [start, end) that produced output range [<paramref name="start"/>, start+length).</summary>
    public (int Start, int End) ToSourceRange(int start, int length)
    {
        int s = ToSource(start);
        if (length == 0)
        {
            return (s, s);
        }

        int lastOut = start + length - 1;
        int lastSrc = ToSource(lastOut);
        // The range ends where the next output char's source begins, so a replaced span is covered whole.
        int end = ToSource(start + length);
        return (s, Math.Max(end, lastSrc + 1));
    }
}
