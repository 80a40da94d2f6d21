namespace KannadaKit.News.Stories;

/// <summary>One event: the article that tells it most fully, and every article about it.</summary>
/// <param name="Representative">The longest text (earliest on a tie).</param>
/// <param name="Articles">All of them, representative first, then by date.</param>
public sealed record Story(StoryArticle Representative, IReadOnlyList<StoryArticle> Articles);
