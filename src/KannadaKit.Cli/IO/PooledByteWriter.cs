using System.Buffers;

namespace KannadaKit.Cli.IO;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from the shared pool; <see cref="Detach"/> hands the array to
/// the consumer, which returns it after writing. Keeps megabyte-sized chunk outputs off the large-object heap.
/// </summary>
internal sealed class PooledByteWriter(int initialCapacity) : IBufferWriter<byte>
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));

    public int WrittenCount { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, WrittenCount);

    public void Advance(int count) => WrittenCount += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(WrittenCount);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(WrittenCount);
    }

    /// <summary>Gives up the buffer; this writer must not be used afterwards.</summary>
    public byte[] Detach()
    {
        byte[] b = _buffer;
        _buffer = [];
        return b;
    }

    private void Ensure(int sizeHint)
    {
        int need = WrittenCount + Math.Max(sizeHint, 1);
        if (need <= _buffer.Length)
        {
            return;
        }

        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(need, _buffer.Length * 2));
        WrittenSpan.CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
