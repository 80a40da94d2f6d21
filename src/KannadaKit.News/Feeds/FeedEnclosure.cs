namespace KannadaKit.News.Feeds;

/// <summary>A file attached to an entry (RSS enclosure, Atom rel="enclosure", Media RSS content or thumbnail).</summary>
/// <param name="Url">Absolute URL.</param>
/// <param name="Type">MIME type; may be empty.</param>
/// <param name="Length">Size in bytes when the feed says; 0 otherwise.</param>
public sealed record FeedEnclosure(string Url, string Type, long Length);
