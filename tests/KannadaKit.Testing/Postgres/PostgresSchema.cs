using Npgsql;

namespace KannadaKit.Testing.Postgres;

/// <summary>A schema made for one test; its connection string puts it first on the search path.</summary>
public sealed class PostgresSchema : IDisposable
{
    private readonly string _server;

    internal PostgresSchema(string server)
    {
        _server = server;
        Name = "kk_test_" + Guid.NewGuid().ToString("N")[..12];
        using var db = new NpgsqlConnection(server);
        db.Open();
        using var c = db.CreateCommand();
        // pg_trgm goes in public once, where every test schema's search path sees it.
        c.CommandText = $"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; CREATE SCHEMA {Name}";
        try
        {
            c.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == "23505" || e.SqlState == "42710")
        {
            // another test created the extension at the same moment
            c.CommandText = $"CREATE SCHEMA {Name}";
            c.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = Name + ",public" }.ConnectionString;
    }

    /// <summary>The schema's name.</summary>
    public string Name { get; }

    /// <summary>A connection string whose tables land in this schema.</summary>
    public string ConnectionString { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var db = new NpgsqlConnection(_server);
        db.Open();
        using var c = db.CreateCommand();
        c.CommandText = $"DROP SCHEMA IF EXISTS {Name} CASCADE";
        c.ExecuteNonQuery();
    }
}
