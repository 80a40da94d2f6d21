using System.Net;

namespace KannadaKit.Speech.Models;

/// <summary>How <see cref="ModelPuller"/> downloads.</summary>
public sealed record ModelPullOptions
{
    /// <summary>A server to fetch from instead of each entry's URL: the entry's file name (the URL's last segment) under this base.</summary>
    public Uri? Mirror { get; init; }

    /// <summary>Allow loopback and private addresses (a local mirror, tests).</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Resolves host names (replaceable, so tests can check the address policy without a network).</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>> Resolve { get; init; } = (host, ct) => Dns.GetHostAddressesAsync(host, ct);

    /// <summary>Refuse downloads larger than this.</summary>
    public long MaxBytes { get; init; } = 8L << 30;

    /// <summary>Connect timeout and the longest wait for the next bytes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
