using System.Globalization;

namespace KannadaKit.Cli.Tests.Commands;

/// <summary>The cluster scenarios with localhost membership (development on one machine, through the first worker).</summary>
public sealed class LocalhostClusterCommandTests : ClusterCommandTests
{
    protected override string Cluster => string.Create(CultureInfo.InvariantCulture, $"localhost:{SiloBase}:{GatewayBase}");

    // Not the first worker: in localhost mode membership goes through it.
    protected override int Victim => 2;

    [LinuxFact]
    public Task AWorkerKilledMidJob() => AWorkerKilledMidJobLosesNothingAndTheOutputIsByteIdentical();

    [LinuxFact]
    public Task EveryWorkerRestartedMidJob() => EveryWorkerRestartedMidJobAndTheJobRunAgainFinishesWithoutRedoingDoneShards();

    [Fact]
    public void BadArgumentsAreOneLineErrors()
    {
        string input = Cli.Write("a.txt", "ಕನ್ನಡ\n");
        Cli.Run("", "cluster", "run", "normalize", input, "--out", Cli.PathOf("o"), "--cluster", "somewhere").AssertOneLineError("--cluster: expected localhost");
        Cli.Run("", "cluster", "run", "normalize", Cli.PathOf("none.txt"), "--out", Cli.PathOf("o"), "--cluster", "localhost").AssertOneLineError("none.txt: no such file");
        Cli.Run("", "cluster", "run", "normalize", input, "--out", Cli.PathOf("o"), "--cluster", "localhost", "--profile", "wild").AssertOneLineError("unknown profile 'wild'");
        Cli.Run("", "cluster", "run", "normalize", input, "--out", Cli.PathOf("o"), "--cluster", Cluster).AssertOneLineError("no worker answers at the cluster's gateways");
        Cli.Run("", "cluster", "run", "normalize", input, "--out", Path.Combine(input, "sub"), "--cluster", Cluster).AssertOneLineError("--out: ");
        Cli.Run("", "cluster", "worker", "--cluster", Cluster, "--advertise", "here").AssertOneLineError("--advertise 'here': expected an IP address");

        // A database that is not there, and a string that is not a connection string: one line each, before any worker starts.
        Cli.Run("", "cluster", "worker", "--cluster", "Host=127.0.0.1;Port=1;Username=x;Database=y;Timeout=3").AssertOneLineError("--cluster: PostgreSQL at 127.0.0.1:1/y: ");
        Cli.Run("", "cluster", "run", "normalize", input, "--out", Cli.PathOf("o"), "--cluster", "Host=127.0.0.1;Port=1;Database=y;Timeout=3").AssertOneLineError("--cluster: PostgreSQL at 127.0.0.1:1/y: ");
        Cli.Run("", "cluster", "status", "j", "--cluster", "Host=127.0.0.1;Frobnicate=1").AssertOneLineError("--cluster: not a PostgreSQL connection string");

        // news run --cluster: its own options checked before the cluster is asked anything.
        Cli.Run("", "news", "run", "--cluster", Cluster, "--desk", "a b", "--state", Cli.PathOf("n.db"), "--out", Cli.PathOf("d")).AssertOneLineError("--desk 'a b': a name of ASCII letters");
        Cli.Run("", "news", "run", "--cluster", Cluster, "--every", "0.01", "--state", Cli.PathOf("n.db"), "--out", Cli.PathOf("d")).AssertOneLineError("--every: minutes between polls");
        Cli.Run("", "news", "run", "--cluster", Cluster, "--state", Cli.PathOf("n.db"), "--out", Cli.PathOf("d")).AssertOneLineError("no worker answers at the cluster's gateways");
        Cli.Run("", "news", "feed", "status", "--cluster", Cluster).AssertOneLineError("no worker answers");

        // cluster init: the SQL for an administrator needs no server; localhost mode has nothing to make.
        var sql = Cli.Run("", "cluster", "init", "--sql", "--cluster", "Host=db.example;Database=k;Search Path=kk_jobs");
        Assert.True(sql.ExitCode == 0, sql.Stderr);
        Assert.Contains("CREATE TABLE IF NOT EXISTS kk_jobs.membership (", sql.Text, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO kk_jobs.orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', $kk$", sql.Text, StringComparison.Ordinal);
        Cli.Run("", "cluster", "init", "--cluster", "localhost").AssertOneLineError("--cluster: init is for PostgreSQL");
        Cli.Run("", "cluster", "init", "--sql", "--cluster", "Host=db;Search Path=Bad-Name").AssertOneLineError("search path schema 'Bad-Name'");

        // Kubernetes: PostgreSQL membership and the pod's address from the downward API, both checked before anything starts.
        Cli.Run("", "cluster", "worker", "--cluster", "localhost", "--kubernetes").AssertOneLineError("--kubernetes: workers in pods share PostgreSQL membership");
        Cli.Run("", "cluster", "worker", "--cluster", "Host=127.0.0.1;Port=1;Database=y", "--kubernetes").AssertOneLineError("--kubernetes: POD_IP is not set");
    }
}
