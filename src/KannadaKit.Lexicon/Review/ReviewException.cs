namespace KannadaKit.Lexicon.Review;

/// <summary>A proposal that cannot be queued or a review that cannot be done (bad text, unknown or already reviewed proposal).</summary>
public sealed class ReviewException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReviewException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ReviewException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public ReviewException() { }
}
