using System.Globalization;
using System.Net;
using KannadaKit.Cluster.Jobs;

namespace KannadaKit.Cluster;

/// <summary>
/// Where the cluster's membership and state live: <c>localhost</c> (one machine, development: membership through the
/// first worker, state in memory, outputs' progress on disk) or a PostgreSQL connection string.
/// </summary>
public sealed record ClusterConnection
{
    /// <summary>The first worker's silo port in localhost mode: the others find the cluster through it.</summary>
    public const int DefaultPrimaryPort = 11111;

    /// <summary>The first gateway port; clients try this one and the next nine.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>One machine.</summary>
    public bool Localhost { get; init; }

    /// <summary>The primary silo's port (localhost mode).</summary>
    public int PrimaryPort { get; init; } = DefaultPrimaryPort;

    /// <summary>The first worker's gateway port (localhost mode): clients try it and the nine after it.</summary>
    public int GatewayPort { get; init; } = DefaultGatewayPort;

    /// <summary>The PostgreSQL connection string, or null in localhost mode.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Reads <c>localhost</c>, <c>localhost:SILO-PORT[:GATEWAY-PORT]</c> or a PostgreSQL connection string (<c>Host=…;Database=…</c>).</summary>
    /// <exception cref="ClusterJobException">Neither.</exception>
    public static ClusterConnection Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value == "localhost")
            return new ClusterConnection { Localhost = true };
        if (value.StartsWith("localhost:", StringComparison.Ordinal))
        {
            var parts = value.Split(':');
            int Port(string p) => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 65535
                ? n
                : throw new ClusterJobException($"--cluster '{value}': expected localhost[:SILO-PORT[:GATEWAY-PORT]], the first worker's ports");
            if (parts.Length > 3)
                Port("");
            return new ClusterConnection { Localhost = true, PrimaryPort = Port(parts[1]), GatewayPort = parts.Length == 3 ? Port(parts[2]) : DefaultGatewayPort };
        }

        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.Contains("Server=", StringComparison.OrdinalIgnoreCase))
            return new ClusterConnection { ConnectionString = value };
        throw new ClusterJobException($"--cluster: expected localhost, localhost:PORT or a PostgreSQL connection string (Host=…;Database=…;Username=…)");
    }

    /// <summary>The primary silo in localhost mode.</summary>
    public IPEndPoint PrimaryEndpoint => new(IPAddress.Loopback, PrimaryPort);
}
