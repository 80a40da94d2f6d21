namespace KannadaKit.Speech;

/// <summary>
/// Media or a model that cannot be used: a corrupt, empty or unsupported file, a missing decoder, a file that is not a
/// ggml Whisper model. The message is one line naming the file and what was expected.
/// </summary>
public sealed class MediaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MediaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public MediaException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MediaException()
    {
    }
}
