namespace KannadaKit.News.Feeds;

/// <summary>The feed dialects told apart.</summary>
public enum FeedFormat
{
    /// <summary>RSS 0.90 (RDF, Netscape's namespace).</summary>
    Rss090,

    /// <summary>RSS 0.91 / 0.92 / 0.93 / 0.94.</summary>
    Rss09x,

    /// <summary>RSS 1.0 (RDF).</summary>
    Rss10,

    /// <summary>RSS 2.0 (and versionless &lt;rss&gt;).</summary>
    Rss20,

    /// <summary>Atom 0.3.</summary>
    Atom03,

    /// <summary>Atom 1.0 (RFC 4287).</summary>
    Atom10,
}
