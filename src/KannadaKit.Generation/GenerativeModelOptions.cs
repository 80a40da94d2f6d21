using KannadaKit.Onnx;

namespace KannadaKit.Generation;

/// <summary>How to open a model folder. Immutable.</summary>
public sealed record GenerativeModelOptions
{
    /// <summary>Which weights to load, by the transformers.js file suffixes: fp32 (default), fp16, int8, uint8, q8
    /// (<c>_quantized</c>), q4, q4f16, bnb4.</summary>
    public string Dtype { get; init; } = "fp32";

    /// <summary>Session options for every ONNX file of the model (provider, threads).</summary>
    public SessionOptions Session { get; init; } = new();

    /// <summary>Forces how steps run (tests run the CUDA path's IO binding on CPU with <see cref="Models.CacheBinding.Host"/>).</summary>
    internal Models.CacheBinding? CacheBinding { get; init; }

    /// <summary>The file-name suffix for <see cref="Dtype"/>.</summary>
    /// <exception cref="GenerationException">For an unknown dtype.</exception>
    public string Suffix => Dtype switch
    {
        "fp32" => "",
        "fp16" => "_fp16",
        "int8" => "_int8",
        "uint8" => "_uint8",
        "q8" or "quantized" => "_quantized",
        "q4" => "_q4",
        "q4f16" => "_q4f16",
        "bnb4" => "_bnb4",
        _ => throw new GenerationException($"unknown dtype '{Dtype}': expected fp32, fp16, int8, uint8, q8, q4, q4f16 or bnb4"),
    };
}
