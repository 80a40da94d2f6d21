namespace KannadaKit.News.Runs;

/// <summary>One feed's part in a run.</summary>
/// <param name="Url">The feed.</param>
/// <param name="Outlet">Its outlet.</param>
/// <param name="Kind">What happened.</param>
/// <param name="NewItems">Items not seen before.</param>
/// <param name="Message">The error, or why it waits; empty otherwise.</param>
/// <param name="NextAttempt">When it is tried again when failing or waiting, else null.</param>
public sealed record FeedOutcome(string Url, string Outlet, FeedOutcomeKind Kind, int NewItems, string Message, DateTimeOffset? NextAttempt);
