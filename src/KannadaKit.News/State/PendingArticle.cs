namespace KannadaKit.News.State;

/// <summary>A feed item whose page is still to be fetched.</summary>
/// <param name="Url">The article's address (the item's link).</param>
/// <param name="FeedUrl">The feed it came from.</param>
/// <param name="Outlet">The outlet.</param>
/// <param name="Title">The item's title.</param>
/// <param name="FeedText">The item's own text (content, else summary) as plain text: used when the page fails.</param>
/// <param name="Published">The item's date, or null.</param>
/// <param name="Attempts">Failed attempts so far.</param>
public sealed record PendingArticle(string Url, string FeedUrl, string Outlet, string Title, string FeedText, DateTimeOffset? Published, int Attempts);
