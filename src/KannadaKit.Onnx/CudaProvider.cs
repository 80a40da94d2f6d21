using Ort = Microsoft.ML.OnnxRuntime;

namespace KannadaKit.Onnx;

/// <summary>Appends ORT's CUDA provider, turning the package's failures into a message that says what to install.</summary>
internal static class CudaProvider
{
    public static void Append(Ort.SessionOptions native, SessionOptions options)
    {
        if (!OnnxRuntime.IsGpuBuild)
        {
            // The CPU package's natives have no CUDA entry points (the managed call throws EntryPointNotFoundException).
            throw new OnnxRuntimeException(OrtErrorCode.EpFail,
                $"CUDA execution provider unavailable: this build uses {OnnxRuntime.Package} (CPU only); build with -p:OnnxRuntime=Gpu "
                + "for Microsoft.ML.OnnxRuntime.Gpu.Linux 1.31.0, with CUDA 13 and cuDNN 9 installed");
        }
        try
        {
            using var cuda = new Ort.OrtCUDAProviderOptions();
            cuda.UpdateOptions(options.CudaSettings().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
            native.AppendExecutionProvider_CUDA(cuda);
        }
        catch (Exception e) when (e is Ort.OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            throw new OnnxRuntimeException(OrtErrorCode.EpFail,
                "CUDA execution provider unavailable: check that CUDA 13 (libcudart.so.13, libcublasLt.so.13) and cuDNN 9 are installed "
                + $"and that a GPU is visible (ONNX Runtime said: {OrtErrors.OneLine(e.Message)})", e);
        }
    }
}
