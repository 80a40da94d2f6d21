namespace KannadaKit.News.Stories;

/// <summary>An article as clustering sees it.</summary>
/// <param name="Id">A stable key (the URL, or a state row id).</param>
/// <param name="Outlet">Who published it.</param>
/// <param name="Url">Where it is.</param>
/// <param name="Title">Its headline.</param>
/// <param name="Text">Its body text.</param>
/// <param name="Published">When, or null.</param>
public sealed record StoryArticle(string Id, string Outlet, string Url, string Title, string Text, DateTimeOffset? Published);
