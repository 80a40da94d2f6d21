namespace KannadaKit.Tokenizers;

/// <summary>A tokenizer could not encode or decode (for example a Unigram model without an unknown piece).</summary>
public class TokenizerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TokenizerException(string message)
        : base(OneLine(message))
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TokenizerException(string message, Exception inner)
        : base(OneLine(message), inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TokenizerException()
    {
    }

    /// <summary>Messages quote tokens and patterns from the file, which may hold line breaks; an error is one line
    /// (breaks escaped) of at most 500 characters.</summary>
    internal static string OneLine(string message)
    {
        var escaped = message.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return escaped.Length <= 500 ? escaped : string.Concat(escaped.AsSpan(0, 497), "...");
    }
}
