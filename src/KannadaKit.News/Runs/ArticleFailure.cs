namespace KannadaKit.News.Runs;

/// <summary>A page that could not be had in a run.</summary>
/// <param name="Url">The page.</param>
/// <param name="Message">Why (the message names the URL).</param>
/// <param name="FeedTextUsed">Whether the feed item's own text stands in for it.</param>
public sealed record ArticleFailure(string Url, string Message, bool FeedTextUsed);
