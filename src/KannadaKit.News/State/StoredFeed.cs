using KannadaKit.News.Fetching;

namespace KannadaKit.News.State;

/// <summary>What the state remembers about one feed.</summary>
/// <param name="Url">The feed's address.</param>
/// <param name="Outlet">The outlet's name as the digest shows it.</param>
/// <param name="Validators">What to send for a conditional request.</param>
/// <param name="Failures">Failures in a row (0 after a success).</param>
/// <param name="NextAttempt">Not to be fetched before this (backoff, Retry-After), or null.</param>
/// <param name="LastChecked">When it was last fetched, or null.</param>
/// <param name="LastError">The last failure's message, or empty.</param>
public sealed record StoredFeed(string Url, string Outlet, FetchValidators Validators, int Failures, DateTimeOffset? NextAttempt, DateTimeOffset? LastChecked, string LastError);
