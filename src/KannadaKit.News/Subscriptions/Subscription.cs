namespace KannadaKit.News.Subscriptions;

/// <summary>One feed to follow.</summary>
/// <param name="FeedUrl">The feed's address (http or https).</param>
/// <param name="Title">A name for people; may be empty.</param>
/// <param name="SiteUrl">The outlet's site; may be empty.</param>
/// <param name="Category">The folder it sits in (nested OPML outlines joined with " / "); may be empty.</param>
/// <param name="Note">What to know about it (quirks, blocks); may be empty.</param>
public sealed record Subscription(Uri FeedUrl, string Title = "", string SiteUrl = "", string Category = "", string Note = "");
