namespace KannadaKit.News.Feeds;

/// <summary>One item of a feed. HTML fields are sanitized; links are absolute.</summary>
public sealed record FeedEntry
{
    /// <summary>The title as plain text (markup removed, entities decoded).</summary>
    public string Title { get; init; } = "";

    /// <summary>The article's address (RSS link, Atom rel="alternate"); may be empty.</summary>
    public string Link { get; init; } = "";

    /// <summary>The entry's identity: guid / id, else the link, else empty.</summary>
    public string Id { get; init; } = "";

    /// <summary>The short text (RSS description, Atom summary), sanitized HTML.</summary>
    public string Summary { get; init; } = "";

    /// <summary>The full text when the feed carries it (content:encoded, Atom content), sanitized HTML; else empty.</summary>
    public string Content { get; init; } = "";

    /// <summary>The author, or null.</summary>
    public FeedAuthor? Author { get; init; }

    /// <summary>When first published, UTC, or null.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When last changed, UTC, or null.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Categories and tags, in feed order, each once.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Attached files and images.</summary>
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
}
