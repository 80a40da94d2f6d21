namespace KannadaKit.Generation.Chat;

/// <summary>A chat template that cannot be parsed or that raised an error while rendering.</summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TemplateException(string message)
        : base(OneLine(message))
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public TemplateException(string message, Exception inner)
        : base(OneLine(message), inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TemplateException()
        : base("chat template error")
    {
    }

    /// <summary>Messages quote template text and raise_exception arguments, which may hold line breaks; an error
    /// is one line (escaped) of at most 300 characters.</summary>
    private static string OneLine(string message)
    {
        var escaped = message.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return escaped.Length <= 300 ? escaped : string.Concat(escaped.AsSpan(0, 297), "...");
    }
}
