using Npgsql;

namespace KannadaKit.Lexicon.Store;

/// <summary>
/// Recognises a PostgreSQL lexicon location — a <c>postgres://user:password@host:port/database</c> URI or an Npgsql
/// connection string (<c>Host=…;Database=…</c>) — and turns it into a connection string plus a name safe to print
/// (no password).
/// </summary>
internal static class PostgresLocation
{
    public static bool Is(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (location.Contains('=', StringComparison.Ordinal) && location.Contains("host", StringComparison.OrdinalIgnoreCase) && !File.Exists(location));

    /// <exception cref="LexiconStoreException">The URI or connection string cannot be read.</exception>
    public static (string ConnectionString, string Display) Parse(string location)
    {
        var b = new NpgsqlConnectionStringBuilder();
        try
        {
            if (location.Contains("://", StringComparison.Ordinal))
            {
                var uri = new Uri(location);
                b.Host = uri.Host;
                if (uri.Port > 0)
                    b.Port = uri.Port;
                if (uri.UserInfo.Length > 0)
                {
                    var parts = uri.UserInfo.Split(':', 2);
                    b.Username = Uri.UnescapeDataString(parts[0]);
                    if (parts.Length == 2)
                        b.Password = Uri.UnescapeDataString(parts[1]);
                }

                b.Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
                foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    var kv = pair.Split('=', 2);
                    b[Uri.UnescapeDataString(kv[0]).Replace('_', ' ')] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
                }
            }
            else
            {
                b.ConnectionString = location;
            }
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            throw new LexiconStoreException($"not a PostgreSQL location ({e.Message.Split(" (Parameter", 2)[0]}); expected postgres://user:password@host:port/database or Host=…;Database=…", e);
        }

        // An import runs the same dozen statements per entry: prepared once, not parsed and planned every time.
        if (b.MaxAutoPrepare == 0)
            b.MaxAutoPrepare = 32;
        // A generic plan cannot see a LIKE pattern or a lookup key, and picks scans; plan each search for its values.
        if (string.IsNullOrEmpty(b.Options))
            b.Options = "-c plan_cache_mode=force_custom_plan";
        if (b.Timeout == 15)
            b.Timeout = 10; // connecting to a server that is not there should not look like a hang
        string display = $"postgres://{(string.IsNullOrEmpty(b.Username) ? "" : b.Username + "@")}{b.Host}:{b.Port}/{b.Database}"
            + (string.IsNullOrEmpty(b.SearchPath) ? "" : $"?search_path={b.SearchPath}");
        return (b.ConnectionString, display);
    }
}
