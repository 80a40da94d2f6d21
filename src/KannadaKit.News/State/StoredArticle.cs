namespace KannadaKit.News.State;

/// <summary>An article as kept in the state.</summary>
/// <param name="Url">Its address (the feed item's link): the key.</param>
/// <param name="FeedUrl">The feed it came from.</param>
/// <param name="Outlet">Who published it.</param>
/// <param name="Title">Its headline.</param>
/// <param name="Byline">Its author line; may be empty.</param>
/// <param name="Published">When, or null.</param>
/// <param name="Text">Its text, paragraphs on lines.</param>
/// <param name="LeadImage">Its main image; may be empty.</param>
/// <param name="FromPage">True when the text is the page's; false when the page failed and the feed's own text stands in.</param>
/// <param name="Signature">Its MinHash signature.</param>
public sealed record StoredArticle(string Url, string FeedUrl, string Outlet, string Title, string Byline, DateTimeOffset? Published, string Text, string LeadImage, bool FromPage, ulong[] Signature);
