namespace KannadaKit.News.Articles;

/// <summary>An article's readable parts.</summary>
/// <param name="Title">The headline.</param>
/// <param name="Byline">Who wrote it, as the page says; may be empty.</param>
/// <param name="Published">When, UTC, or null.</param>
/// <param name="Text">The body as paragraphs on lines, boilerplate removed, NFC.</param>
/// <param name="LeadImage">The main image's absolute URL; may be empty.</param>
/// <param name="SiteName">The outlet's name when the page gives it; may be empty.</param>
public sealed record Article(string Title, string Byline, DateTimeOffset? Published, string Text, string LeadImage, string SiteName);
