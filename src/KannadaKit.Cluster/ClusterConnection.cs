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

    /// <summary>
    /// The connection string Orleans' providers use once <see cref="Prepare"/> has made the tables (search path on the
    /// cluster's schema, UTC); null before, and in localhost mode.
    /// </summary>
    public string? OrleansConnectionString { get; init; }

    /// <summary>
    /// PostgreSQL: creates the cluster's tables and queries if they are missing and returns this connection with
    /// <see cref="OrleansConnectionString"/> set. Localhost: this connection.
    /// </summary>
    /// <exception cref="ClusterJobException">The database cannot be reached or its schema is newer than this build's.</exception>
    public ClusterConnection Prepare(CancellationToken cancel = default) =>
        Localhost || OrleansConnectionString is not null ? this : this with { OrleansConnectionString = Postgres.PostgresClusterSchema.Ensure(ConnectionString!, cancel) };

    /// <summary>Where clients look for workers, for messages.</summary>
    public string GatewaysDescription => Localhost
        ? string.Create(CultureInfo.InvariantCulture, $"at the cluster's gateways ({GatewayPort}…{GatewayPort + 9})")
        : "in the cluster's membership table (PostgreSQL)";

    /// <summary>
    /// The address a worker tells the others to reach it at: loopback when the database is on this machine (or in
    /// localhost mode), else the local address this machine reaches the database from.
    /// </summary>
    public IPAddress AdvertisedAddress()
    {
        if (Localhost)
            return IPAddress.Loopback;
        var b = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        string host = (b.Host ?? "localhost").Split(',')[0];
        if (host is "localhost" || host.StartsWith('/') || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)))
            return IPAddress.Loopback;
        try
        {
            // A UDP "connection" sends nothing; it only asks the kernel which local address routes to the host.
            using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
            probe.Connect(host, b.Port);
            return ((IPEndPoint)probe.LocalEndPoint!).Address;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new ClusterJobException($"--cluster: cannot find this machine's address towards {host}: {e.Message}; give the worker --advertise ADDRESS", e);
        }
    }

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
