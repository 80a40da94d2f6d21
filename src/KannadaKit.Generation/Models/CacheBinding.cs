namespace KannadaKit.Generation.Models;

/// <summary>How a step runs and where its KV cache lives between steps.</summary>
internal enum CacheBinding
{
    /// <summary><c>Run</c> with host tensors; ORT returns the presents in host memory.</summary>
    None,

    /// <summary>IO binding with every output bound to host memory: the CUDA path's code, runnable (and tested) on CPU.</summary>
    Host,

    /// <summary>IO binding with the presents left in CUDA memory and bound back as the next step's pasts, so the cache
    /// never crosses to the host; the logits come to the host. Only without beam reordering (greedy, sampling).</summary>
    Cuda,
}
