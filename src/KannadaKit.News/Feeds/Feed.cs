namespace KannadaKit.News.Feeds;

/// <summary>A parsed feed: its own fields and its entries in document order.</summary>
public sealed record Feed
{
    /// <summary>The dialect it was written in.</summary>
    public FeedFormat Format { get; init; }

    /// <summary>The title as plain text.</summary>
    public string Title { get; init; } = "";

    /// <summary>The site's address; may be empty.</summary>
    public string Link { get; init; } = "";

    /// <summary>The feed's identity (Atom id); else its link.</summary>
    public string Id { get; init; } = "";

    /// <summary>The description or subtitle, sanitized HTML.</summary>
    public string Subtitle { get; init; } = "";

    /// <summary>The language tag when given (<c>kn</c>, <c>kn-IN</c>); may be empty.</summary>
    public string Language { get; init; } = "";

    /// <summary>The feed's author or managing editor, or null.</summary>
    public FeedAuthor? Author { get; init; }

    /// <summary>When the feed was last changed, UTC, or null.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>When the feed was published, UTC, or null.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The entries, in document order.</summary>
    public IReadOnlyList<FeedEntry> Entries { get; init; } = [];
}
