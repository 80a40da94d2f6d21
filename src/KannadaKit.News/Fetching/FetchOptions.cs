using System.Net;

namespace KannadaKit.News.Fetching;

/// <summary>How the fetcher behaves on the network: politely, with limits on time and size.</summary>
public sealed record FetchOptions
{
    /// <summary>Says who we are, so a publisher can tell us apart and reach us.</summary>
    public string UserAgent { get; init; } = "KannadaKit-news/1.0 (feed reader; +https://github.com/kannadakit/kannadakit)";

    /// <summary>Longest wait for a whole response, from the request to the last byte.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait to connect.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest body accepted, after decompression (a gzip bomb stops here).</summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Redirects followed at most.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Shortest gap between two requests to the same host.</summary>
    public TimeSpan PerHostInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Allow loopback and private addresses (a local server, tests).</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Allow this machine only (a local server), still refusing the rest of the private network.</summary>
    public bool AllowLoopback { get; init; }

    /// <summary>Resolves host names; replaceable so tests check the address policy without a network.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>>? Resolve { get; init; }

    /// <summary>The clock for per-host spacing.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
