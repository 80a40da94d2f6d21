namespace KannadaKit.Generation.Chat;

/// <summary>A chat template that cannot be parsed or that raised an error while rendering.</summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TemplateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public TemplateException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TemplateException()
        : base("chat template error")
    {
    }
}
