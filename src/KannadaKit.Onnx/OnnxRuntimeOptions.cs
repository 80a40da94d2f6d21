namespace KannadaKit.Onnx;

/// <summary>How to initialise ONNX Runtime. Immutable. ORT's environment is process-wide: these apply when the
/// first runtime of the process is loaded.</summary>
public sealed record OnnxRuntimeOptions
{
    /// <summary>The least severe ORT log messages written to stderr by ORT itself (default: errors only).</summary>
    public OrtLogLevel LogLevel { get; init; } = OrtLogLevel.Error;

    /// <summary>The log id ORT prefixes its own messages with.</summary>
    public string LogId { get; init; } = "kannadakit";
}
