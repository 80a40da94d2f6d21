namespace KannadaKit.Generation;

/// <summary>A model folder or generation request that cannot be used; the message names the file and what was expected.</summary>
public sealed class GenerationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GenerationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public GenerationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GenerationException()
        : base("generation failed")
    {
    }
}
