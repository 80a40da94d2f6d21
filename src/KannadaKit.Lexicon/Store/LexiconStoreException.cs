namespace KannadaKit.Lexicon.Store;

/// <summary>A lexicon file that cannot be opened or used: not a lexicon, a newer format, or a query that is refused.</summary>
public sealed class LexiconStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LexiconStoreException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public LexiconStoreException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public LexiconStoreException() { }
}
