namespace KannadaKit.Onnx;

/// <summary>
/// The one exception the binding throws for native and model failures: it carries ORT's error code and a message
/// that says what was involved (the model file, the input name and what it expected, the library paths tried).
/// </summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OnnxRuntimeException(OrtErrorCode errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    /// <summary>Creates the exception with an inner cause.</summary>
    public OnnxRuntimeException(OrtErrorCode errorCode, string message, Exception inner)
        : base(message, inner) => ErrorCode = errorCode;

    /// <summary>Creates an exception with <see cref="OrtErrorCode.Fail"/>.</summary>
    public OnnxRuntimeException()
        : this(OrtErrorCode.Fail, "ONNX Runtime failed")
    {
    }

    /// <summary>Creates an exception with <see cref="OrtErrorCode.Fail"/>.</summary>
    public OnnxRuntimeException(string message)
        : this(OrtErrorCode.Fail, message)
    {
    }

    /// <summary>Creates an exception with <see cref="OrtErrorCode.Fail"/>.</summary>
    public OnnxRuntimeException(string message, Exception inner)
        : this(OrtErrorCode.Fail, message, inner)
    {
    }

    /// <summary>ORT's error code (or the nearest one for failures found before calling ORT).</summary>
    public OrtErrorCode ErrorCode { get; }
}
