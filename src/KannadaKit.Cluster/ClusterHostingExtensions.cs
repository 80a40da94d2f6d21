using System.Net;
using KannadaKit.Cluster.Jobs;
using KannadaKit.Cluster.Postgres;
using Orleans.Configuration;

namespace KannadaKit.Cluster;

/// <summary>Joins silos and clients to a KannadaKit cluster described by a <see cref="ClusterConnection"/>.</summary>
public static class ClusterHostingExtensions
{
    /// <summary>The cluster and service ids every KannadaKit silo and client uses.</summary>
    public const string ClusterId = "kannadakit";

    // Orleans' name for the Npgsql provider.
    private const string Npgsql = "Npgsql";

    /// <summary>
    /// Configures <paramref name="silo"/> as a member of <paramref name="connection"/>'s cluster on the given ports:
    /// localhost (membership through the first worker, state and reminders in memory) or PostgreSQL (membership,
    /// grain state and reminders in the database, whose tables are made on first use).
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="connection">The cluster.</param>
    /// <param name="siloPort">This silo's port.</param>
    /// <param name="gatewayPort">This silo's gateway port for clients.</param>
    /// <param name="advertise">The address other silos reach this one at (PostgreSQL mode); default <see cref="ClusterConnection.AdvertisedAddress"/>.</param>
    /// <exception cref="ClusterJobException">The database cannot be reached, or this machine's address cannot be found.</exception>
    public static ISiloBuilder UseKannadaKitCluster(this ISiloBuilder silo, ClusterConnection connection, int siloPort, int gatewayPort, IPAddress? advertise = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(connection);
        // Feeds may be polled as often as every 10 s (Orleans' default floor is a minute).
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(10));
        if (connection.Localhost)
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, connection.PrimaryEndpoint, ClusterId, ClusterId);
            silo.AddMemoryGrainStorage(ClusterStorage.Name);
            silo.UseInMemoryReminderService();
            return silo;
        }

        string cs = connection.Prepare().OrleansConnectionString!;
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
        silo.ConfigureEndpoints(advertise ?? connection.AdvertisedAddress(), siloPort, gatewayPort, listenOnAnyHostAddress: true);
        silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Npgsql, cs));
        silo.AddAdoNetGrainStorage(ClusterStorage.Name, o => (o.Invariant, o.ConnectionString) = (Npgsql, cs));
        silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (Npgsql, cs));
        // A worker writes "I am alive" every 10 s and counts as gone after 30 s without: a worker joining a cluster
        // whose workers were all killed waits half a minute for their rows to go stale, not Orleans' ten.
        silo.Configure<ClusterMembershipOptions>(o => (o.IAmAliveTablePublishTimeout, o.NumMissedTableIAmAliveLimit) = (TimeSpan.FromSeconds(10), 3));
        return silo;
    }

    /// <summary>
    /// Runs the silo as a Kubernetes pod (Microsoft.Orleans.Hosting.Kubernetes): named after the pod, and watching the
    /// pods of its deployment so that a deleted pod's silo is declared dead at once rather than after missed probes.
    /// Membership, state and reminders stay in PostgreSQL.
    /// </summary>
    public static ISiloBuilder UseKannadaKitKubernetes(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseKubernetesHosting();
        return silo;
    }

    /// <summary>The pod's address from the downward API (<c>POD_IP</c>), which a worker in Kubernetes advertises.</summary>
    /// <exception cref="ClusterJobException">It is not set: the worker is not in a pod, or the manifest does not pass it.</exception>
    public static IPAddress PodAddress()
    {
        string? ip = Environment.GetEnvironmentVariable("POD_IP");
        if (ip is null || !IPAddress.TryParse(ip, out var address))
            throw new ClusterJobException("--kubernetes: POD_IP is not set to an address; pass the pod's status.podIP (and POD_NAME, POD_NAMESPACE) through the downward API, as tools/kubernetes/workers.yaml does");
        return address;
    }

    /// <summary>Whether any worker can be reached: a gateway that answers (localhost) or an active worker in the membership table (PostgreSQL).</summary>
    /// <exception cref="ClusterJobException">The database cannot be reached.</exception>
    public static bool AnyGatewayAnswers(ClusterConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!connection.Localhost)
            return PostgresClusterSchema.ActiveGateways(connection.Prepare().OrleansConnectionString!, ClusterId) > 0;
        int[] live = LiveGateways(connection.GatewayPort);
        return live.Length > 1 || Probe(live[0]);
    }

    /// <summary>Configures <paramref name="client"/> to reach <paramref name="connection"/>'s cluster.</summary>
    public static IClientBuilder UseKannadaKitCluster(this IClientBuilder client, ClusterConnection connection)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Localhost)
        {
            client.UseLocalhostClustering(LiveGateways(connection.GatewayPort), ClusterId, ClusterId);
        }
        else
        {
            string cs = connection.Prepare().OrleansConnectionString!;
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Npgsql, cs));
        }

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
