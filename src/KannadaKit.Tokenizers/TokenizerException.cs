namespace KannadaKit.Tokenizers;

/// <summary>A tokenizer could not encode or decode (for example a Unigram model without an unknown piece).</summary>
public class TokenizerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TokenizerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TokenizerException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TokenizerException()
    {
    }
}
