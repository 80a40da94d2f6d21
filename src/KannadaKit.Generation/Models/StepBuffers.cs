namespace KannadaKit.Generation.Models;

/// <summary>
/// The host buffers a step model fills its small inputs from (ids, masks, positions, flags), kept between steps and
/// grown by doubling, so a step allocates no arrays for them; tensors wrap them without copying and are released
/// after the step, before the buffers are filled again. One per step model; not thread-safe (a model steps one
/// batch at a time).
/// </summary>
internal sealed class StepBuffers
{
    private readonly Dictionary<string, long[]> _longs = new(StringComparer.Ordinal);
    private readonly bool[] _flag = new bool[1];

    /// <summary><paramref name="length"/> elements of the buffer named <paramref name="slot"/>; contents are stale.</summary>
    public Memory<long> Longs(string slot, int length)
    {
        if (!_longs.TryGetValue(slot, out var buffer) || buffer.Length < length)
        {
            buffer = new long[Math.Max(length, (buffer?.Length ?? 0) * 2)];
            _longs[slot] = buffer;
        }

        return buffer.AsMemory(0, length);
    }

    /// <summary>A one-element flag holding <paramref name="value"/>.</summary>
    public Memory<bool> Flag(bool value)
    {
        _flag[0] = value;
        return _flag;
    }
}
