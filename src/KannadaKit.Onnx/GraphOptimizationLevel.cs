namespace KannadaKit.Onnx;

/// <summary>ORT graph optimization levels (<c>GraphOptimizationLevel</c>).</summary>
public enum GraphOptimizationLevel
{
    /// <summary>No graph rewrites.</summary>
    None = 0,
    /// <summary>Semantics-preserving rewrites such as constant folding.</summary>
    Basic = 1,
    /// <summary>Plus fusions of common subgraphs.</summary>
    Extended = 2,
    /// <summary>Plus layout optimizations.</summary>
    Layout = 3,
    /// <summary>Everything (the default).</summary>
    All = 99,
}
