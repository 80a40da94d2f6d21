namespace KannadaKit.Tokenizers;

/// <summary>
/// A tokenizer file is malformed: names the file, the location inside it (a JSON path such as
/// <c>$.model.merges[12]</c>, or a byte offset) and what was expected.
/// </summary>
public sealed class TokenizerFormatException : TokenizerException
{
    /// <summary>Creates the exception; the message reads "FILE: LOCATION: DETAIL".</summary>
    public TokenizerFormatException(string file, string location, string detail)
        : base($"{file}: {location}: {detail}")
    {
        File = file;
        Location = location;
        Detail = OneLine(detail);
    }

    /// <summary>Creates the exception with a free-form message.</summary>
    public TokenizerFormatException(string message)
        : base(message)
    {
        File = Location = string.Empty;
        Detail = message;
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TokenizerFormatException(string message, Exception inner)
        : base(message, inner)
    {
        File = Location = string.Empty;
        Detail = message;
    }

    /// <summary>Creates the exception.</summary>
    public TokenizerFormatException()
    {
        File = Location = Detail = string.Empty;
    }

    /// <summary>The file that was read.</summary>
    public string File { get; }

    /// <summary>Where in the file: a JSON path or a byte offset.</summary>
    public string Location { get; }

    /// <summary>What was wrong.</summary>
    public string Detail { get; }
}
