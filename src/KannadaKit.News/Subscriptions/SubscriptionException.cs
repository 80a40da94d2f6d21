namespace KannadaKit.News.Subscriptions;

/// <summary>A feed list that cannot be read: bad OPML, a line that is not a URL. The message names the file and line.</summary>
public sealed class SubscriptionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SubscriptionException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public SubscriptionException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public SubscriptionException() { }
}
