namespace KannadaKit.News.Fetching;

/// <summary>What a server said about a response, to ask next time only whether it changed (conditional GET).</summary>
/// <param name="ETag">The ETag header, sent back as If-None-Match; null when none.</param>
/// <param name="LastModified">The Last-Modified header, sent back as If-Modified-Since; null when none.</param>
public sealed record FetchValidators(string? ETag, string? LastModified)
{
    /// <summary>No validators: an unconditional request.</summary>
    public static FetchValidators None { get; } = new(null, null);
}
