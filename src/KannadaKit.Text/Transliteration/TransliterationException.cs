namespace KannadaKit.Text.Transliteration;

/// <summary>A transliteration that cannot be set up: an unknown scheme, or ICU missing.</summary>
public sealed class TransliterationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TransliterationException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public TransliterationException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public TransliterationException() { }
}
