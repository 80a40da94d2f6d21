namespace KannadaKit.News.Feeds;

/// <summary>A document that is not a feed we can read: not XML, no feed root, a DTD with entities, or too large.</summary>
public sealed class FeedParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FeedParseException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public FeedParseException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public FeedParseException() { }
}
