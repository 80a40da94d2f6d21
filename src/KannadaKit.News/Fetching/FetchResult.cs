namespace KannadaKit.News.Fetching;

/// <summary>A response that arrived within the limits.</summary>
/// <param name="Url">The final address, after redirects.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="NotModified">304: the copy we have is current; <paramref name="Body"/> is empty.</param>
/// <param name="Body">The body, decompressed.</param>
/// <param name="ContentType">The media type, without parameters; may be empty.</param>
/// <param name="Charset">The Content-Type charset, or null.</param>
/// <param name="Validators">What to send next time.</param>
/// <param name="RetryAfter">How long the server asked us to wait (Retry-After, or Cache-Control max-age), or null.</param>
public sealed record FetchResult(Uri Url, int Status, bool NotModified, byte[] Body, string ContentType, string? Charset, FetchValidators Validators, TimeSpan? RetryAfter);
