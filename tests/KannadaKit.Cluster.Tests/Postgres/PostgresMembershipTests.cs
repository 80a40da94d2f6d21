using System.Net;
using KannadaKit.Cluster.Postgres;
using KannadaKit.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;

namespace KannadaKit.Cluster.Tests.Postgres;

/// <summary>
/// Our PostgreSQL schema under Orleans' own ADO.NET membership table: the contract Orleans relies on (a row is
/// inserted or updated only at the table version the caller read, and the version moves on each change), defunct
/// rows cleaned up, and the schema made by workers starting at the same moment without a race.
/// </summary>
public sealed class PostgresMembershipTests : IDisposable
{
    private readonly PostgresSchema? _schema = PostgresServer.SkipReason is null ? PostgresServer.NewSchema() : null;

    public void Dispose() => _schema?.Dispose();

    private string Ensure() => PostgresClusterSchema.Ensure(_schema!.ConnectionString);

    private static AdoNetClusteringTable Table(string connectionString) => new(
        new ServiceCollection().BuildServiceProvider(),
        Options.Create(new ClusterOptions { ClusterId = "kk-test", ServiceId = "kk-test" }),
        Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = connectionString }),
        NullLogger<AdoNetClusteringTable>.Instance);

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime at) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 7),
        SiloName = $"worker-{port}",
        HostName = "localhost",
        Status = status,
        ProxyPort = port + 1000,
        StartTime = at,
        IAmAliveTime = at,
    };

    [PostgresFact]
    public async Task RowsChangeOnlyAtTheVersionTheCallerRead()
    {
        var table = Table(Ensure());
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);
        Assert.Equal(0, empty.Version.Version);

        var now = DateTime.UtcNow;
        var a = Entry(21000, SiloStatus.Joining, now);
        Assert.True(await table.InsertRowAsync(a, empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(Entry(21001, SiloStatus.Joining, now), empty.Version.Next())); // stale version: refused
        var one = await table.ReadAllAsync();
        Assert.Equal(1, one.Version.Version);
        var (stored, rowEtag) = Assert.Single(one.Members);
        Assert.Equal((a.SiloAddress, "worker-21000", 22000, SiloStatus.Joining), (stored.SiloAddress, stored.SiloName, stored.ProxyPort, stored.Status));
        Assert.Equal(now, stored.StartTime, TimeSpan.FromMilliseconds(1)); // microseconds in PostgreSQL, ticks in .NET

        a.Status = SiloStatus.Active;
        a.AddOrUpdateSuspector(SiloAddress.New(IPAddress.Loopback, 21002, 7), now, 2);
        Assert.False(await table.UpdateRowAsync(a, rowEtag, empty.Version.Next()));
        Assert.True(await table.UpdateRowAsync(a, rowEtag, one.Version.Next()));
        var two = await table.ReadRowAsync(a.SiloAddress);
        Assert.Equal(2, two.Version.Version);
        var (updated, _) = Assert.Single(two.Members);
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.Equal(21002, Assert.Single(updated.SuspectTimes!).Item1.Endpoint.Port);

        // I-am-alive does not move the version; a gateway list sees only active rows.
        var later = now.AddSeconds(30);
        a.IAmAliveTime = later;
        await table.UpdateIAmAliveAsync(a);
        var three = await table.ReadAllAsync();
        Assert.Equal(2, three.Version.Version);
        Assert.Equal(later, Assert.Single(three.Members).Item1.IAmAliveTime, TimeSpan.FromMilliseconds(1));

        // A dead row older than the cut-off goes; a live one stays.
        var old = Entry(21003, SiloStatus.Dead, now.AddDays(-3));
        Assert.True(await table.InsertRowAsync(old, three.Version.Next()));
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1));
        var left = await table.ReadAllAsync();
        Assert.Equal([a.SiloAddress], left.Members.Select(m => m.Item1.SiloAddress));

        await table.DeleteMembershipTableEntriesAsync("kk-test");
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        Assert.Empty((await table.ReadAllAsync()).Members);
    }

    [PostgresFact]
    public async Task WorkersStartingTogetherMakeTheSchemaOnce()
    {
        var made = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Ensure)));
        Assert.All(made, cs => Assert.Equal(made[0], cs));
        await using var db = new NpgsqlConnection(made[0]);
        await db.OpenAsync();
        await using var c = new NpgsqlCommand("SELECT count(*) FROM orleansquery", db);
        Assert.Equal((long)PostgresClusterSql.Queries.Count, await c.ExecuteScalarAsync());
        Assert.Contains("Timezone=UTC", made[0], StringComparison.Ordinal);
    }

    [PostgresFact]
    public void WorkersWithoutTheRightToCreateUseTheTablesMadeBefore()
    {
        string owner = Ensure();
        string role = "kk_dml_" + Guid.NewGuid().ToString("N")[..10];
        void AsOwner(string sql)
        {
            using var db = new NpgsqlConnection(owner);
            db.Open();
            using var c = new NpgsqlCommand(sql, db);
            c.ExecuteNonQuery();
        }

        AsOwner($"CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA {_schema!.Name} TO {role}; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {_schema.Name} TO {role}");
        try
        {
            var limited = new NpgsqlConnectionStringBuilder(_schema.ConnectionString) { Username = role };
            Assert.Contains($"Username={role}", PostgresClusterSchema.Ensure(limited.ConnectionString), StringComparison.Ordinal);

            // Where nothing was made yet, such a worker says what it lacks, on one line.
            limited.SearchPath = "kk_nothing_" + role[7..];
            var e = Assert.Throws<KannadaKit.Cluster.Jobs.ClusterJobException>(() => PostgresClusterSchema.Ensure(limited.ConnectionString));
            Assert.Contains("permission denied", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            AsOwner($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    [PostgresFact]
    public void TheInitScriptMakesExactlyWhatWorkersMake()
    {
        using (var db = new NpgsqlConnection(_schema!.ConnectionString))
        {
            db.Open();
            using var c = new NpgsqlCommand(PostgresClusterSchema.Script(_schema.ConnectionString), db);
            c.ExecuteNonQuery();
        }

        // A worker starting on the script's tables finds nothing to make or rewrite: no row changes.
        string Rows()
        {
            using var db = new NpgsqlConnection(_schema.ConnectionString);
            db.Open();
            using var c = new NpgsqlCommand("SELECT string_agg(querykey || ':' || xmin::text, ',' ORDER BY querykey) FROM orleansquery", db);
            return (string)c.ExecuteScalar()!;
        }

        string before = Rows();
        Assert.Equal(PostgresClusterSql.Queries.Count, before.Split(',').Length);
        Ensure();
        Assert.Equal(before, Rows());
    }

    [PostgresFact]
    public void ANewerSchemaIsRefusedWithOneLine()
    {
        string cs = Ensure();
        using (var db = new NpgsqlConnection(cs))
        {
            db.Open();
            using var c = new NpgsqlCommand("UPDATE kannadakit_schema SET value = '99' WHERE name = 'version'", db);
            c.ExecuteNonQuery();
        }

        var e = Assert.Throws<KannadaKit.Cluster.Jobs.ClusterJobException>(() => Ensure());
        Assert.Contains("made by a newer KannadaKit (schema 99", e.Message, StringComparison.Ordinal);
    }
}
