using System.Net;

namespace KannadaKit.Web;

/// <summary>Where <see cref="NewsServer"/> reads and listens.</summary>
public sealed record NewsServerOptions
{
    /// <summary>The state file <c>news run</c> keeps.</summary>
    public required string StatePath { get; init; }

    /// <summary>The address to listen on (loopback by default).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port (0 picks a free one).</summary>
    public int Port { get; init; } = 8041;
}
