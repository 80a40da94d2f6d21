namespace KannadaKit.Subtitles;

/// <summary>A subtitle file that cannot be read: the message names the file, the line and what was expected.</summary>
public sealed class SubtitleFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SubtitleFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SubtitleFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SubtitleFormatException()
    {
    }
}
