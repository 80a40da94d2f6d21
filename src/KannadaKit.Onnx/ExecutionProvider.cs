namespace KannadaKit.Onnx;

/// <summary>Where a session runs.</summary>
public enum ExecutionProvider
{
    /// <summary>ORT's CPU provider.</summary>
    Cpu,

    /// <summary>CUDA; fails with a message naming what is missing when the provider libraries, CUDA 12 or cuDNN 9 are not installed.</summary>
    Cuda,

    /// <summary>CUDA when its provider loads, otherwise CPU; the session says which it chose and why.</summary>
    Auto,
}
