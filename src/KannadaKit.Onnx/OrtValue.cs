using System.Runtime.InteropServices;
using Ort = Microsoft.ML.OnnxRuntime;

namespace KannadaKit.Onnx;

/// <summary>
/// A tensor ORT can read or has written, over the package's <c>OrtValue</c>. Values made from caller memory are not
/// copied: the memory stays pinned until the value is disposed, and writes to it are visible to the next run. After
/// <see cref="Dispose"/> every member throws <see cref="ObjectDisposedException"/> (the package's value would read
/// freed memory). Not thread-safe for writes.
/// </summary>
public sealed class OrtValue : IDisposable
{
    private readonly Ort.OrtValue _value;
    private readonly long[] _shape;
    private readonly bool _onCpu;
    private bool _disposed;

    private OrtValue(Ort.OrtValue value, TensorElementType type, long[] shape, bool onCpu)
    {
        _value = value;
        ElementType = type;
        _shape = shape;
        _onCpu = onCpu;
    }

    /// <summary>The element type.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>The shape.</summary>
    public IReadOnlyList<long> Shape => _shape;

    internal long[] ShapeArray => _shape;

    /// <summary>The number of elements (the product of the shape).</summary>
    public long ElementCount => Product(_shape);

    /// <summary>Whether the data lives in CPU memory (false for a tensor ORT left on a GPU).</summary>
    public bool IsOnCpu => _onCpu;

    /// <summary>The package's value, for APIs this wrapper does not cover. Owned by this object.</summary>
    public Ort.OrtValue Native
    {
        get
        {
            ThrowIfDisposed();
            return _value;
        }
    }

    /// <summary>Wraps caller memory as a tensor without copying it.</summary>
    /// <exception cref="ArgumentException">When the shape does not hold exactly <paramref name="data"/>'s elements.</exception>
    public static OrtValue FromMemory<T>(OnnxRuntime runtime, Memory<T> data, ReadOnlySpan<long> shape)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(runtime);
        runtime.ThrowIfDisposed();
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
        var dims = shape.ToArray();
        var info = Ort.OrtMemoryInfo.DefaultInstance;
        try
        {
            // The package knows its own 2-byte float structs, not System.Half or ours: same bits, so reinterpret.
            var value = typeof(T) == typeof(Half) ? Ort.OrtValue.CreateTensorValueFromMemory(info, CastMemory<T, Ort.Float16>.Of(data), dims)
                : typeof(T) == typeof(BFloat16) ? Ort.OrtValue.CreateTensorValueFromMemory(info, CastMemory<T, Ort.BFloat16>.Of(data), dims)
                : Ort.OrtValue.CreateTensorValueFromMemory(info, data, dims);
            return new OrtValue(value, type, dims, onCpu: true);
        }
        catch (Ort.OnnxRuntimeException e)
        {
            throw OrtErrors.From(e, "tensor");
        }
    }

    /// <summary>Wraps an array as a tensor without copying it.</summary>
    public static OrtValue FromArray<T>(OnnxRuntime runtime, T[] data, params long[] shape)
        where T : unmanaged => FromMemory(runtime, data.AsMemory(), shape);

    /// <summary>A zero-filled tensor in memory ORT allocates.</summary>
    public static OrtValue Allocate(OnnxRuntime runtime, TensorElementType type, ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        runtime.ThrowIfDisposed();
        if (TensorElementTypes.SizeOf(type) == 0)
        {
            throw new NotSupportedException($"tensors of {TensorElementTypes.Name(type)} are not supported");
        }
        var dims = shape.ToArray();
        Product(dims);
        var value = Ort.OrtValue.CreateAllocatedTensorValue(Ort.OrtAllocator.DefaultInstance, (Ort.Tensors.TensorElementType)(int)type, dims);
        var result = new OrtValue(value, type, dims, onCpu: true);
        result.Bytes.Clear();
        return result;
    }

    /// <summary>Takes ownership of a value ORT returned, reading its type, shape and where it lives.</summary>
    internal static OrtValue FromNative(Ort.OrtValue value)
    {
        if (!value.IsTensor)
        {
            value.Dispose();
            throw new OnnxRuntimeException(OrtErrorCode.NotImplemented, "the model returned a non-tensor value; only tensors are supported");
        }
        var info = value.GetTensorTypeAndShape();
        var memory = value.GetTensorMemoryInfo();
        var onCpu = memory.GetDeviceType() == Ort.OrtMemoryInfoDeviceType.CPU;
        return new OrtValue(value, (TensorElementType)(int)info.ElementDataType, info.Shape, onCpu);
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
    /// <exception cref="InvalidOperationException">When the tensor lives on a GPU.</exception>
    public Span<byte> Bytes
    {
        get
        {
            ThrowIfDisposed();
            if (!_onCpu)
            {
                throw new InvalidOperationException($"the tensor ({this}) lives in GPU memory; bind the output to the CPU to read it");
            }
            return ElementCount == 0 ? [] : _value.GetTensorMutableRawData();
        }
    }

    /// <summary>The shape and type, e.g. <c>float32 [2, 3]</c>.</summary>
    public override string ToString() => $"{TensorElementTypes.Name(ElementType)} [{string.Join(", ", _shape)}]";

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _value.Dispose();
        }
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
