namespace KannadaKit.Speech.Pipeline;

/// <summary>The most recent samples of a stream, addressed by absolute sample index; older ones are dropped on request.</summary>
internal sealed class SampleHistory
{
    private float[] _buffer = new float[1 << 16];
    private long _first;   // absolute index of _buffer[0]
    private int _count;

    public long End => _first + _count;

    /// <summary>Samples held now.</summary>
    public int Count => _count;

    /// <summary>Samples the buffer holds room for (what the bounded-memory tests watch).</summary>
    public int Capacity => _buffer.Length;

    public void Append(ReadOnlySpan<float> samples)
    {
        if (_count + samples.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + samples.Length));
        }

        samples.CopyTo(_buffer.AsSpan(_count));
        _count += samples.Length;
    }

    /// <summary>Forgets samples before <paramref name="index"/>.</summary>
    public void DropBefore(long index)
    {
        int drop = (int)Math.Clamp(index - _first, 0, _count);
        if (drop == 0)
        {
            return;
        }

        Array.Copy(_buffer, drop, _buffer, 0, _count - drop);
        _count -= drop;
        _first += drop;
    }

    /// <summary>A copy of samples [start, end) (those already dropped or not yet read come back as silence).</summary>
    public float[] Copy(long start, long end)
    {
        var result = new float[Math.Max(0, end - start)];
        long from = Math.Max(start, _first), to = Math.Min(end, End);
        if (to > from)
        {
            Array.Copy(_buffer, from - _first, result, from - start, to - from);
        }

        return result;
    }
}
