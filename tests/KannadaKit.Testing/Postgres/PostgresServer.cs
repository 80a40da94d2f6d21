using Npgsql;

namespace KannadaKit.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests may use: <c>KANNADAKIT_TEST_POSTGRES</c> holds its connection string
/// (tools/test.sh starts a throwaway one with tools/postgres/test-server.sh and sets it). Unset: the tests skip and say
/// so; set but unreachable: they fail, so CI cannot pass without the server.
/// </summary>
public static class PostgresServer
{
    /// <summary>The variable that names the server.</summary>
    public const string Variable = "KANNADAKIT_TEST_POSTGRES";

    /// <summary>The connection string, or null.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    /// <summary>Why PostgreSQL tests cannot run, or null.</summary>
    public static string? SkipReason => ConnectionString is null
        ? $"no PostgreSQL test server: set {Variable} to a connection string (tools/test.sh starts one with tools/postgres/test-server.sh)"
        : null;

    /// <summary>A fresh schema of its own (dropped on dispose), so tests running side by side never meet.</summary>
    public static PostgresSchema NewSchema() => new(ConnectionString ?? throw new InvalidOperationException(SkipReason));
}
