namespace KannadaKit.News.Articles;

/// <summary>A page no article could be read from: too large, or no readable text.</summary>
public sealed class ArticleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArticleException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ArticleException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public ArticleException() { }
}
