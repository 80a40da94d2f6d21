using System.Globalization;
using System.Text.RegularExpressions;
using KannadaKit.Cluster.Jobs;
using Npgsql;

namespace KannadaKit.Cluster.Postgres;

/// <summary>
/// Creates KannadaKit's cluster tables and Orleans' named queries in a PostgreSQL database on first use (in one
/// transaction, under an advisory lock so workers starting together do not race), and hands Orleans a connection
/// string that finds them.
/// </summary>
public static partial class PostgresClusterSchema
{
    /// <summary>The schema the tables go in when the connection string names no search path.</summary>
    public const string DefaultSchema = "kannadakit_cluster";

    /// <summary>
    /// Makes sure the tables and queries are there; returns the connection string for Orleans' providers: search path
    /// on the cluster's schema (the first of the given search path, or <see cref="DefaultSchema"/>), times in UTC.
    /// </summary>
    /// <exception cref="ClusterJobException">The string is not a PostgreSQL connection string, the server cannot be reached or refuses, or its schema is newer than this build's.</exception>
    public static string Ensure(string connectionString, CancellationToken cancel = default)
    {
        var builder = Builder(connectionString);
        string schema = SchemaOf(builder);
        if (string.IsNullOrEmpty(builder.SearchPath))
            builder.SearchPath = schema;
        builder.Timezone = "UTC";
        try
        {
            using var db = new NpgsqlConnection(builder.ConnectionString);
            db.Open();
            // Tables at this build's version are left alone, so workers need no right to create anything once the
            // first one (or a database administrator) has made them.
            int? found = StoredVersion(db, schema);
            if (found > PostgresClusterSql.SchemaVersion)
                throw new ClusterJobException($"--cluster: the cluster tables in schema {schema} were made by a newer KannadaKit (schema {found}, this build knows {PostgresClusterSql.SchemaVersion}); upgrade this worker");
            using var tx = db.BeginTransaction();
            Execute(db, tx, string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({PostgresClusterSql.SchemaLock})"));
            if (found != PostgresClusterSql.SchemaVersion)
            {
                Execute(db, tx, PostgresClusterSql.Tables(schema));
                using var version = new NpgsqlCommand(
                    $"INSERT INTO {schema}.kannadakit_schema (name, value) VALUES ('version', @v) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value", db, tx);
                version.Parameters.AddWithValue("v", PostgresClusterSql.SchemaVersion.ToString(CultureInfo.InvariantCulture));
                version.ExecuteNonQuery();
            }

            // Queries that differ from this build's are rewritten, so a worker of a newer build brings its own.
            var stored = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var read = new NpgsqlCommand($"SELECT querykey, querytext FROM {schema}.orleansquery", db, tx))
            using (var rows = read.ExecuteReader())
            {
                while (rows.Read())
                    stored[rows.GetString(0)] = rows.GetString(1);
            }

            foreach (var (key, text) in PostgresClusterSql.Queries)
            {
                if (stored.TryGetValue(key, out var have) && have == text)
                    continue;
                using var upsert = new NpgsqlCommand(
                    $"INSERT INTO {schema}.orleansquery (querykey, querytext) VALUES (@k, @t) ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext", db, tx);
                upsert.Parameters.AddWithValue("k", key);
                upsert.Parameters.AddWithValue("t", text);
                upsert.ExecuteNonQuery();
            }

            tx.Commit();
        }
        catch (NpgsqlException e)
        {
            throw DatabaseError(builder, e);
        }
        catch (TimeoutException e)
        {
            throw DatabaseError(builder, e);
        }

        return builder.ConnectionString;
    }

    /// <summary>The schema the tables of <paramref name="connectionString"/> go in.</summary>
    /// <exception cref="ClusterJobException">Not a PostgreSQL connection string, or a search path that is not a plain name.</exception>
    public static string SchemaName(string connectionString) => SchemaOf(Builder(connectionString));

    /// <summary>The SQL that <see cref="Ensure"/> runs, as a script for <paramref name="connectionString"/>'s schema.</summary>
    public static string Script(string connectionString) => PostgresClusterSql.Script(SchemaName(connectionString));

    /// <summary>
    /// How many workers the membership table lists as active with a gateway and alive in the last minute (workers
    /// write every 10 s; a killed one stays "active" until the others notice).
    /// </summary>
    /// <exception cref="ClusterJobException">The server cannot be reached.</exception>
    public static int ActiveGateways(string orleansConnectionString, string deploymentId)
    {
        var builder = Builder(orleansConnectionString);
        try
        {
            using var db = new NpgsqlConnection(orleansConnectionString);
            db.Open();
            using var c = new NpgsqlCommand("SELECT count(*) FROM membership WHERE deployment_id = @d AND status = 3 AND proxy_port > 0 AND i_am_alive_time > now() - interval '1 minute'", db);
            c.Parameters.AddWithValue("d", deploymentId);
            return Convert.ToInt32(c.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (NpgsqlException e)
        {
            throw DatabaseError(builder, e);
        }
    }

    // The schema version the tables were made at, or null when they are not there yet.
    private static int? StoredVersion(NpgsqlConnection db, string schema)
    {
        try
        {
            using var read = new NpgsqlCommand($"SELECT value FROM {schema}.kannadakit_schema WHERE name = 'version'", db);
            return read.ExecuteScalar() is string v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return null;
        }
    }

    private static NpgsqlConnectionStringBuilder Builder(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ClusterJobException($"--cluster: not a PostgreSQL connection string ({e.Message.Split('\n')[0]}); expected Host=…;Database=…;Username=…");
        }
    }

    private static string SchemaOf(NpgsqlConnectionStringBuilder builder)
    {
        string schema = builder.SearchPath is { Length: > 0 } path ? path.Split(',')[0].Trim() : DefaultSchema;
        if (!PlainName().IsMatch(schema))
            throw new ClusterJobException($"--cluster: search path schema '{schema}': expected a plain lower-case name (letters, digits, _)");
        return schema;
    }

    private static void Execute(NpgsqlConnection db, NpgsqlTransaction tx, string sql)
    {
        using var c = new NpgsqlCommand(sql, db, tx);
        c.ExecuteNonQuery();
    }

    private static ClusterJobException DatabaseError(NpgsqlConnectionStringBuilder b, Exception e) =>
        new(string.Create(CultureInfo.InvariantCulture, $"--cluster: PostgreSQL at {b.Host}:{b.Port}/{b.Database}: {(e.InnerException ?? e).Message.Split('\n')[0]}"), e);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainName();
}
