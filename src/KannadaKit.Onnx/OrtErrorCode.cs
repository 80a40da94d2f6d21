namespace KannadaKit.Onnx;

/// <summary>ONNX Runtime's <c>OrtErrorCode</c> values (read from the package's <c>[ErrorCode:Name]</c> message prefix), plus the meaning KannadaKit gives them.</summary>
public enum OrtErrorCode
{
    /// <summary>Success (never carried by an exception).</summary>
    Ok = 0,

    /// <summary>A general failure, including provider libraries that could not be loaded.</summary>
    Fail = 1,

    /// <summary>An argument was invalid: a wrong input name, type or shape.</summary>
    InvalidArgument = 2,

    /// <summary>A file was not found: the model, or the native library itself.</summary>
    NoSuchFile = 3,

    /// <summary>No model was loaded.</summary>
    NoModel = 4,

    /// <summary>The engine failed while running.</summary>
    EngineError = 5,

    /// <summary>A runtime exception inside ORT.</summary>
    RuntimeException = 6,

    /// <summary>The model file is not a valid ONNX protobuf.</summary>
    InvalidProtobuf = 7,

    /// <summary>A model was already loaded.</summary>
    ModelLoaded = 8,

    /// <summary>The operation is not implemented (an operator or type ORT does not support).</summary>
    NotImplemented = 9,

    /// <summary>The graph is invalid.</summary>
    InvalidGraph = 10,

    /// <summary>An execution provider failed.</summary>
    EpFail = 11,
}
