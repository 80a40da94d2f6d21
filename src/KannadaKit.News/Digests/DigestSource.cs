namespace KannadaKit.News.Digests;

/// <summary>One outlet's article about a story.</summary>
/// <param name="Url">The article's address.</param>
/// <param name="Outlet">Who published it.</param>
/// <param name="Title">Its headline there.</param>
/// <param name="Published">When, or null when neither feed nor page said.</param>
public sealed record DigestSource(string Url, string Outlet, string Title, DateTimeOffset? Published);
