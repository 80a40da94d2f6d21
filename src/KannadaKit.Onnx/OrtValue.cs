using System.Buffers;
using System.Runtime.InteropServices;
using KannadaKit.Onnx.Native;

namespace KannadaKit.Onnx;

/// <summary>
/// A tensor ORT can read or has written. Values made from caller memory are not copied: the memory stays pinned
/// until the value is disposed, and writes to it are visible to the next run. Not thread-safe for writes.
/// </summary>
public sealed unsafe class OrtValue : IDisposable
{
    private readonly OnnxRuntime _runtime;
    private readonly OrtHandle _handle;
    private MemoryHandle _pin;
    private readonly long[] _shape;

    private OrtValue(OnnxRuntime runtime, OrtHandle handle, MemoryHandle pin, TensorElementType type, long[] shape)
    {
        _runtime = runtime;
        _handle = handle;
        _pin = pin;
        ElementType = type;
        _shape = shape;
    }

    internal OrtHandle Handle => _handle;

    /// <summary>The element type.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>The shape.</summary>
    public IReadOnlyList<long> Shape => _shape;

    /// <summary>The number of elements (the product of the shape).</summary>
    public long ElementCount => Product(_shape);

    /// <summary>Wraps caller memory as a tensor without copying it.</summary>
    /// <exception cref="ArgumentException">When the shape does not hold exactly <paramref name="data"/>'s elements.</exception>
    public static OrtValue FromMemory<T>(OnnxRuntime runtime, Memory<T> data, ReadOnlySpan<long> shape)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var type = TensorElementTypes.Of<T>();
        var count = Product(shape);
        if (count != data.Length)
        {
            throw new ArgumentException($"shape [{string.Join(", ", shape.ToArray())}] holds {count} elements but the data has {data.Length}", nameof(shape));
        }
        if (count == 0)
        {
            // ORT rejects a null data pointer; an empty tensor (e.g. a zero-length KV cache) is allocated by ORT.
            return Allocate(runtime, type, shape);
        }
        var pin = data.Pin();
        try
        {
            var value = runtime.Api.CreateTensorWithData(runtime.CpuMemory, pin.Pointer, (long)data.Length * sizeof(T), shape, type);
            return new OrtValue(runtime, new OrtHandle(runtime.Api, value, OrtHandle.ValueSlot), pin, type, shape.ToArray());
        }
        catch
        {
            pin.Dispose();
            throw;
        }
    }

    /// <summary>Wraps an array as a tensor without copying it.</summary>
    public static OrtValue FromArray<T>(OnnxRuntime runtime, T[] data, params long[] shape)
        where T : unmanaged => FromMemory(runtime, data.AsMemory(), shape);

    /// <summary>A zero-filled tensor in memory ORT allocates.</summary>
    public static OrtValue Allocate(OnnxRuntime runtime, TensorElementType type, ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (TensorElementTypes.SizeOf(type) == 0)
        {
            throw new NotSupportedException($"tensors of {TensorElementTypes.Name(type)} are not supported");
        }
        var value = runtime.Api.CreateTensor(shape, type);
        var result = new OrtValue(runtime, new OrtHandle(runtime.Api, value, OrtHandle.ValueSlot), default, type, shape.ToArray());
        result.Bytes.Clear();
        return result;
    }

    /// <summary>Takes ownership of a value ORT returned, reading its type and shape.</summary>
    internal static OrtValue FromNative(OnnxRuntime runtime, nint value)
    {
        var handle = new OrtHandle(runtime.Api, value, OrtHandle.ValueSlot);
        if (!runtime.Api.IsTensor(handle))
        {
            handle.Dispose();
            throw new OnnxRuntimeException(OrtErrorCode.NotImplemented, "the model returned a non-tensor value; only tensors are supported");
        }
        var info = runtime.Api.TensorTypeAndShape(handle);
        try
        {
            return new OrtValue(runtime, handle, default, runtime.Api.ElementTypeOf(info), runtime.Api.DimensionsOf(info));
        }
        finally
        {
            runtime.Api.ReleaseTensorInfo(info);
        }
    }

    /// <summary>The elements, read-only.</summary>
    /// <exception cref="InvalidOperationException">When <typeparamref name="T"/> is not the element type.</exception>
    public ReadOnlySpan<T> GetData<T>()
        where T : unmanaged => GetMutableData<T>();

    /// <summary>The elements, writable in place.</summary>
    public Span<T> GetMutableData<T>()
        where T : unmanaged
    {
        var type = TensorElementTypes.Of<T>();
        if (type != ElementType)
        {
            throw new InvalidOperationException($"the tensor holds {TensorElementTypes.Name(ElementType)}, not {TensorElementTypes.Name(type)}");
        }
        return MemoryMarshal.Cast<byte, T>(Bytes);
    }

    /// <summary>A copy of the elements.</summary>
    public T[] ToArray<T>()
        where T : unmanaged => GetData<T>().ToArray();

    /// <summary>The elements widened to float, from float32, float16 or bfloat16 tensors (logits of fp16 models).</summary>
    public float[] ToSingleArray()
    {
        var result = new float[ElementCount];
        CopyToSingle(result);
        return result;
    }

    /// <summary>Widens float32/float16/bfloat16 elements into <paramref name="destination"/>.</summary>
    public void CopyToSingle(Span<float> destination)
    {
        switch (ElementType)
        {
            case TensorElementType.Float:
                GetData<float>().CopyTo(destination);
                break;
            case TensorElementType.Float16:
                var halves = GetData<Half>();
                for (var i = 0; i < halves.Length; i++)
                {
                    destination[i] = (float)halves[i];
                }
                break;
            case TensorElementType.BFloat16:
                var brains = GetData<BFloat16>();
                for (var i = 0; i < brains.Length; i++)
                {
                    destination[i] = brains[i].ToSingle();
                }
                break;
            default:
                throw new InvalidOperationException($"a {TensorElementTypes.Name(ElementType)} tensor cannot be read as float");
        }
    }

    /// <summary>The raw bytes of the tensor.</summary>
    public Span<byte> Bytes
    {
        get
        {
            var length = ElementCount * TensorElementTypes.SizeOf(ElementType);
            if (length == 0)
            {
                return [];
            }
            var success = false;
            _handle.DangerousAddRef(ref success);
            try
            {
                return new Span<byte>(_runtime.Api.TensorData(_handle), checked((int)length));
            }
            finally
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>The shape and type, e.g. <c>float32 [2, 3]</c>.</summary>
    public override string ToString() => $"{TensorElementTypes.Name(ElementType)} [{string.Join(", ", _shape)}]";

    /// <inheritdoc />
    public void Dispose()
    {
        _handle.Dispose();
        _pin.Dispose();
        _pin = default;
    }

    internal static long Product(ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"negative dimension {d} in a tensor shape", nameof(shape));
            }
            count = checked(count * d);
        }
        return count;
    }
}
