using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KannadaKit.Onnx;

/// <summary>Views <c>Memory&lt;TFrom&gt;</c> as <c>Memory&lt;TTo&gt;</c> of the same element size without copying: how
/// <see cref="Half"/> and <see cref="BFloat16"/> tensors reach the package, which only knows its own 2-byte floats.
/// Pinning pins the original memory.</summary>
internal sealed class CastMemory<TFrom, TTo> : MemoryManager<TTo>
    where TFrom : unmanaged
    where TTo : unmanaged
{
    private readonly Memory<TFrom> _source;

    private CastMemory(Memory<TFrom> source) => _source = source;

    public static Memory<TTo> Of(Memory<TFrom> source)
    {
        if (Unsafe.SizeOf<TFrom>() != Unsafe.SizeOf<TTo>())
        {
            throw new ArgumentException($"{typeof(TFrom).Name} and {typeof(TTo).Name} differ in size", nameof(source));
        }
        return new CastMemory<TFrom, TTo>(source).Memory;
    }

    public override Span<TTo> GetSpan() => MemoryMarshal.Cast<TFrom, TTo>(_source.Span);

    public override MemoryHandle Pin(int elementIndex = 0) => _source[elementIndex..].Pin();

    public override void Unpin()
    {
        // The handle returned by Pin owns the pin of the source memory.
    }

    protected override void Dispose(bool disposing)
    {
        // Nothing is owned: the source memory belongs to the caller.
    }
}
