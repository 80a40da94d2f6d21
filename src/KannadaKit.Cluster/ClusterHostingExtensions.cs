using KannadaKit.Cluster.Jobs;
using Orleans.Configuration;

namespace KannadaKit.Cluster;

/// <summary>Joins silos and clients to a KannadaKit cluster described by a <see cref="ClusterConnection"/>.</summary>
public static class ClusterHostingExtensions
{
    /// <summary>The cluster and service ids every KannadaKit silo and client uses.</summary>
    public const string ClusterId = "kannadakit";

    /// <summary>Configures <paramref name="silo"/> as a member of <paramref name="connection"/>'s cluster on the given ports.</summary>
    /// <exception cref="ClusterJobException">PostgreSQL membership is asked for and not yet supported by this build.</exception>
    public static ISiloBuilder UseKannadaKitCluster(this ISiloBuilder silo, ClusterConnection connection, int siloPort, int gatewayPort)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(connection);
        if (!connection.Localhost)
            throw new ClusterJobException("--cluster: PostgreSQL membership is not in this build yet; use --cluster localhost on one machine");
        silo.UseLocalhostClustering(siloPort, gatewayPort, connection.PrimaryEndpoint, ClusterId, ClusterId);
        silo.AddMemoryGrainStorage(ClusterStorage.Name);
        return silo;
    }

    /// <summary>Whether any worker's gateway answers (localhost mode; true for PostgreSQL, where the table knows).</summary>
    public static bool AnyGatewayAnswers(ClusterConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!connection.Localhost)
            return true;
        int[] live = LiveGateways(connection.GatewayPort);
        return live.Length > 1 || Probe(live[0]);
    }

    /// <summary>Configures <paramref name="client"/> to reach <paramref name="connection"/>'s cluster.</summary>
    public static IClientBuilder UseKannadaKitCluster(this IClientBuilder client, ClusterConnection connection)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(connection);
        if (!connection.Localhost)
            throw new ClusterJobException("--cluster: PostgreSQL membership is not in this build yet; use --cluster localhost on one machine");
        client.UseLocalhostClustering(LiveGateways(connection.GatewayPort), ClusterId, ClusterId);
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        // A call to a silo that just died fails in seconds, not the default half minute.
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        return client;
    }

    // The workers' gateways on this machine: the first port and the nine after it, those that accept a connection
    // now (a static list with dead entries makes the client's start crawl), or the first when none does.
    internal static int[] LiveGateways(int first)
    {
        var live = Enumerable.Range(first, 10).Where(Probe).ToArray();
        return live.Length > 0 ? live : [first];
    }

    private static bool Probe(int port)
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpClient();
            return probe.ConnectAsync(System.Net.IPAddress.Loopback, port).Wait(TimeSpan.FromMilliseconds(300)) && probe.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
    }
}
