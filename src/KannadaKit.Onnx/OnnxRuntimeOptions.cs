namespace KannadaKit.Onnx;

/// <summary>How to find and initialise ONNX Runtime. Immutable.</summary>
public sealed record OnnxRuntimeOptions
{
    /// <summary>The environment variable that names the native library when no explicit path is given.</summary>
    public const string LibraryVariable = "KANNADAKIT_ONNXRUNTIME";

    /// <summary>An explicit path to <c>libonnxruntime.so.1</c> / <c>onnxruntime.dll</c> / <c>libonnxruntime.dylib</c>;
    /// when set, nothing else is searched.</summary>
    public string? LibraryPath { get; init; }

    /// <summary>The least severe ORT log messages written to stderr by ORT itself (default: errors only).</summary>
    public OrtLogLevel LogLevel { get; init; } = OrtLogLevel.Error;

    /// <summary>The log id ORT prefixes its own messages with.</summary>
    public string LogId { get; init; } = "kannadakit";
}
