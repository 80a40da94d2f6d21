using System.Net;

namespace KannadaKit.Cluster.Web;

/// <summary>What <see cref="ClusterServer"/> serves and where.</summary>
public sealed record ClusterServerOptions
{
    /// <summary>Reads the cluster's state for each request.</summary>
    public required Func<CancellationToken, Task<ClusterOverview>> Overview { get; init; }

    /// <summary>The address to listen on (default loopback).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port (0: any free one).</summary>
    public int Port { get; init; } = 8050;

    /// <summary>Seconds between the page's refreshes.</summary>
    public int RefreshSeconds { get; init; } = 3;
}
