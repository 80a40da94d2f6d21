namespace KannadaKit.Onnx;

/// <summary>Where a session runs.</summary>
public enum ExecutionProvider
{
    /// <summary>ORT's CPU provider.</summary>
    Cpu,

    /// <summary>CUDA (the <c>-p:OnnxRuntime=Gpu</c> build); fails with a message naming what is missing when the build is the CPU one, or CUDA 13 or cuDNN 9 is not installed.</summary>
    Cuda,

    /// <summary>CUDA when its provider loads, otherwise CPU; the session says which it chose and why.</summary>
    Auto,
}
