using KannadaKit.Onnx;

namespace KannadaKit.Generation.Models;

/// <summary>Row operations on tensors whose first axis is the batch: gathering rows (beam reordering, expanding an
/// input to its beams) and zero-length caches.</summary>
internal static class TensorRows
{
    /// <summary>A new tensor whose row r is row <c>sources[r]</c> of <paramref name="value"/>.</summary>
    public static OrtValue Gather(OnnxRuntime runtime, OrtValue value, IReadOnlyList<int> sources)
    {
        var shape = value.Shape.ToArray();
        var rowBytes = value.Bytes.Length / (int)Math.Max(shape[0], 1);
        shape[0] = sources.Count;
        var result = OrtValue.Allocate(runtime, value.ElementType, shape);
        if (rowBytes == 0)
        {
            return result;
        }
        var from = value.Bytes;
        var to = result.Bytes;
        for (var r = 0; r < sources.Count; r++)
        {
            from.Slice(sources[r] * rowBytes, rowBytes).CopyTo(to.Slice(r * rowBytes, rowBytes));
        }
        return result;
    }

    /// <summary>Whether <paramref name="sources"/> maps every row to itself.</summary>
    public static bool IsIdentity(IReadOnlyList<int> sources)
    {
        for (var r = 0; r < sources.Count; r++)
        {
            if (sources[r] != r)
            {
                return false;
            }
        }
        return true;
    }
}
