namespace KannadaKit.Cluster.Postgres;

/// <summary>
/// KannadaKit's own PostgreSQL schema for Orleans' ADO.NET providers: the tables, and the named queries the providers
/// read from <c>OrleansQuery</c> (their contract is the query keys, the parameter names and the result column names;
/// the SQL is ours). Every query that changes membership is one statement, so it is atomic without a transaction.
/// </summary>
internal static class PostgresClusterSql
{
    /// <summary>Bumped when the tables change; a database with a newer schema is refused.</summary>
    public const int SchemaVersion = 1;

    // Serializes schema creation between workers that start at the same moment.
    public const long SchemaLock = 0x4B414E4E41444131; // "KANNADA1"

    /// <summary>The tables in <paramref name="schema"/> (already quoted), idempotent.</summary>
    public static string Tables(string schema) => $"""
        CREATE SCHEMA IF NOT EXISTS {schema};
        CREATE TABLE IF NOT EXISTS {schema}.kannadakit_schema (
            name text PRIMARY KEY,
            value text NOT NULL);
        CREATE TABLE IF NOT EXISTS {schema}.orleansquery (
            querykey varchar(64) PRIMARY KEY,
            querytext text NOT NULL);
        CREATE TABLE IF NOT EXISTS {schema}.membership_version (
            deployment_id text PRIMARY KEY,
            version integer NOT NULL DEFAULT 0,
            changed_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS {schema}.membership (
            deployment_id text NOT NULL REFERENCES {schema}.membership_version ON DELETE CASCADE,
            address text NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            silo_name text,
            host_name text,
            status integer NOT NULL,
            proxy_port integer,
            suspect_times text,
            start_time timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            PRIMARY KEY (deployment_id, address, port, generation));
        CREATE TABLE IF NOT EXISTS {schema}.reminders (
            service_id text NOT NULL,
            grain_id text NOT NULL,
            reminder_name text NOT NULL,
            start_time timestamptz NOT NULL,
            period_ms bigint NOT NULL,
            grain_hash integer NOT NULL,
            version integer NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name));
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON {schema}.reminders (service_id, grain_hash);
        CREATE TABLE IF NOT EXISTS {schema}.grain_state (
            service_id text NOT NULL,
            grain_type text NOT NULL,
            grain_n0 bigint NOT NULL,
            grain_n1 bigint NOT NULL,
            grain_key_ext text NOT NULL,
            payload bytea,
            version integer NOT NULL,
            modified_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (service_id, grain_type, grain_n0, grain_n1, grain_key_ext));
        """;

    /// <summary>The whole schema as one script for a database administrator to run (psql -f): tables, version, queries.</summary>
    public static string Script(string schema)
    {
        var b = new System.Text.StringBuilder();
        b.Append("-- KannadaKit cluster schema ").Append(SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(" (kannadakit cluster init --sql); safe to run again.\nBEGIN;\n").Append(Tables(schema)).Append('\n');
        b.Append("INSERT INTO ").Append(schema).Append(".kannadakit_schema (name, value) VALUES ('version', '")
            .Append(SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("') ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value;\n");
        foreach (var (key, text) in Queries.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            b.Append("INSERT INTO ").Append(schema).Append(".orleansquery (querykey, querytext) VALUES ('").Append(key).Append("', $kk$")
                .Append(text).Append("$kk$) ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;\n");
        }

        return b.Append("COMMIT;\n").ToString();
    }

    private const string MemberColumns = """
        v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
        m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
        m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
        """;

    private const string ThisSilo = "deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation";

    // A membership change happens only while the table's version is still the one the caller read; the version row is
    // locked first, so two silos racing with the same version cannot both succeed.
    private const string LockedVersion = """
        v AS (SELECT deployment_id FROM membership_version
              WHERE deployment_id = @DeploymentId AND version = @Version FOR UPDATE)
        """;

    private const string BumpVersion = """
        bumped AS (UPDATE membership_version SET version = version + 1, changed_at = now()
                   WHERE deployment_id IN (SELECT deployment_id FROM changed) RETURNING 1)
        SELECT EXISTS (SELECT 1 FROM bumped)
        """;

    private const string GrainKey = """
        service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
        AND grain_key_ext = COALESCE(CAST(@GrainIdExtensionString AS text), '')
        """;

    private const string ReminderColumns = """
        grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version"
        """;

    /// <summary>The named queries, by the keys the providers look up.</summary>
    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>
    {
        // Membership (Orleans.Clustering.AdoNet). SiloStatus.Active is 3, Dead is 6.
        ["InsertMembershipVersionKey"] = """
            WITH added AS (INSERT INTO membership_version (deployment_id) VALUES (@DeploymentId) ON CONFLICT DO NOTHING RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM added)
            """,
        ["MembershipReadAllKey"] = $"""
            SELECT {MemberColumns}
            FROM membership_version v LEFT JOIN membership m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId
            """,
        ["MembershipReadRowKey"] = $"""
            SELECT {MemberColumns}
            FROM membership_version v LEFT JOIN membership m
              ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deployment_id = @DeploymentId
            """,
        ["InsertMembershipKey"] = $"""
            WITH {LockedVersion},
            changed AS (
                INSERT INTO membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
                SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM v
                ON CONFLICT DO NOTHING RETURNING deployment_id),
            {BumpVersion}
            """,
        ["UpdateMembershipKey"] = $"""
            WITH {LockedVersion},
            changed AS (
                UPDATE membership m SET status = @Status, suspect_times = CAST(@SuspectTimes AS text), i_am_alive_time = @IAmAliveTime
                FROM v WHERE m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                RETURNING m.deployment_id),
            {BumpVersion}
            """,
        ["UpdateIAmAlivetimeKey"] = $"UPDATE membership SET i_am_alive_time = @IAmAliveTime WHERE {ThisSilo}",
        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation" FROM membership
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
            """,
        ["DeleteMembershipTableEntriesKey"] = "DELETE FROM membership_version WHERE deployment_id = @DeploymentId",
        ["CleanupDefunctSiloEntriesKey"] = "DELETE FROM membership WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime",
        ["CleanupDefunctSiloEntryKey"] = $"""
            DELETE FROM membership WHERE {ThisSilo} AND status = 6
              AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
              AND suspect_times IS NOT DISTINCT FROM CAST(@SuspectTimes AS text)
            """,

        // Reminders (Orleans.Reminders.AdoNet). Hashes are stored as signed integers, as the provider sends them.
        ["ReadReminderRowsKey"] = $"SELECT {ReminderColumns} FROM reminders WHERE service_id = @ServiceId AND grain_id = @GrainId",
        ["ReadReminderRowKey"] = $"SELECT {ReminderColumns} FROM reminders WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName",
        ["ReadRangeRows1Key"] = $"SELECT {ReminderColumns} FROM reminders WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash",
        ["ReadRangeRows2Key"] = $"SELECT {ReminderColumns} FROM reminders WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)",
        ["UpsertReminderRowKey"] = """
            INSERT INTO reminders AS r (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
              SET start_time = EXCLUDED.start_time, period_ms = EXCLUDED.period_ms, grain_hash = EXCLUDED.grain_hash, version = r.version + 1
            RETURNING version AS "Version"
            """,
        ["DeleteReminderRowKey"] = """
            WITH gone AS (DELETE FROM reminders
                          WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM gone)
            """,
        ["DeleteReminderRowsKey"] = "DELETE FROM reminders WHERE service_id = @ServiceId",

        // Grain state (Orleans.Persistence.AdoNet). Each query returns exactly one row: NULL where the version the grain
        // holds is not the stored one, which the provider reports as a conflict.
        ["ReadFromStorageKey"] = $"""
            SELECT payload AS "PayloadBinary", CAST(NULL AS text) AS "PayloadJson", CAST(NULL AS text) AS "PayloadXml", version AS "Version"
            FROM grain_state WHERE {GrainKey}
            """,
        ["WriteToStorageKey"] = $"""
            WITH expected AS (SELECT CAST(@GrainStateVersion AS integer) AS version),
            inserted AS (
                INSERT INTO grain_state (service_id, grain_type, grain_n0, grain_n1, grain_key_ext, payload, version)
                SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(CAST(@GrainIdExtensionString AS text), ''), @PayloadBinary, 1
                FROM expected WHERE expected.version IS NULL
                ON CONFLICT DO NOTHING RETURNING version),
            updated AS (
                UPDATE grain_state g SET payload = @PayloadBinary, version = g.version + 1, modified_at = now()
                FROM expected WHERE g.version = expected.version AND {GrainKey}
                RETURNING g.version)
            SELECT (SELECT version FROM inserted UNION ALL SELECT version FROM updated LIMIT 1) AS "NewGrainStateVersion"
            """,
        ["ClearStorageKey"] = $"""
            WITH cleared AS (
                UPDATE grain_state SET payload = NULL, version = version + 1, modified_at = now()
                WHERE version = CAST(@GrainStateVersion AS integer) AND {GrainKey}
                RETURNING version)
            SELECT (SELECT version FROM cleared) AS "Version"
            """,
        ["DeleteStorageKey"] = $"""
            WITH gone AS (
                DELETE FROM grain_state WHERE version = CAST(@GrainStateVersion AS integer) AND {GrainKey}
                RETURNING version + 1 AS version)
            SELECT (SELECT version FROM gone) AS "Version"
            """,
    };
}
