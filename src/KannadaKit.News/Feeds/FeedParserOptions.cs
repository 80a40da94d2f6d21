namespace KannadaKit.News.Feeds;

/// <summary>Limits on what the parser takes.</summary>
public sealed record FeedParserOptions
{
    /// <summary>Largest document accepted, in bytes (a feed of a few hundred items is well under 5 MB).</summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Entries kept at most; later ones are dropped.</summary>
    public int MaxEntries { get; init; } = 5000;
}
