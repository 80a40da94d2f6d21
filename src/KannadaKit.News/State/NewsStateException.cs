namespace KannadaKit.News.State;

/// <summary>The state file cannot be opened or used; the message names it.</summary>
public sealed class NewsStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NewsStateException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public NewsStateException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public NewsStateException() { }
}
