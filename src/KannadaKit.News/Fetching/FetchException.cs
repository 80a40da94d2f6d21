namespace KannadaKit.News.Fetching;

/// <summary>A fetch that failed: refused address or scheme, timeout, size limit, HTTP error. The message names the URL.</summary>
public sealed class FetchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FetchException(string message, int? status = null, TimeSpan? retryAfter = null, Exception? inner = null) : base(message, inner)
    {
        Status = status;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception.</summary>
    public FetchException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public FetchException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public FetchException() { }

    /// <summary>The HTTP status when the server answered with an error; null for network failures.</summary>
    public int? Status { get; }

    /// <summary>How long the server asked us to wait (429, 503), or null.</summary>
    public TimeSpan? RetryAfter { get; }
}
