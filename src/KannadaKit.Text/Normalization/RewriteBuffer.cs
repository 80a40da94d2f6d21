namespace KannadaKit.Text.Normalization;

/// <summary>Growable output of one rule application, with an optional map from output index to source index.</summary>
internal sealed class RewriteBuffer
{
    private char[] _chars = new char[256];
    private int[] _map = [];

    public int Length { get; private set; }

    public bool Tracking { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    /// <summary>Output index → source index, valid for indexes below <see cref="Length"/>.</summary>
    public ReadOnlySpan<int> Map => _map.AsSpan(0, Length);

    public void Reset(bool tracking)
    {
        Length = 0;
        Tracking = tracking;
    }

    public void AppendCopy(ReadOnlySpan<char> source, int sourceStart)
    {
        Ensure(source.Length);
        source.CopyTo(_chars.AsSpan(Length));
        if (Tracking)
        {
            for (int j = 0; j < source.Length; j++)
            {
                _map[Length + j] = sourceStart + j;
            }
        }

        Length += source.Length;
    }

    public void AppendReplacement(ReadOnlySpan<char> replacement, int sourceStart, int sourceLength)
    {
        Ensure(replacement.Length);
        replacement.CopyTo(_chars.AsSpan(Length));
        if (Tracking)
        {
            // Same-length replacements map one to one; otherwise every new char points at the replaced span's start.
            bool oneToOne = replacement.Length == sourceLength;
            for (int j = 0; j < replacement.Length; j++)
            {
                _map[Length + j] = oneToOne ? sourceStart + j : sourceStart;
            }
        }

        Length += replacement.Length;
    }

    private void Ensure(int extra)
    {
        int need = Length + extra;
        if (need > _chars.Length)
        {
            int size = Math.Max(need, _chars.Length * 2);
            Array.Resize(ref _chars, size);
        }

        if (Tracking && need > _map.Length)
        {
            Array.Resize(ref _map, Math.Max(need, _chars.Length));
        }
    }
}
