using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Origins;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KannadaKit.Lexicon.Store;

/// <summary>
/// The lexicon: one SQLite file with FTS5 indexes (the embedded default), or a PostgreSQL database for a shared server
/// (<c>postgres://…</c> or <c>Host=…;Database=…</c>), with the same tables, facts and search. An import runs in one
/// transaction (a failure leaves the lexicon as it was) and replaces only the importing source's facts for the
/// headwords it brings, so importing the same file twice gives the same lexicon. One instance per thread.
/// </summary>
public sealed class LexiconStore : IDisposable
{
    private readonly DbConnection _db;
    private readonly Dictionary<string, long> _sourceIds = new(StringComparer.Ordinal);
    private DbTransaction? _ambient;
    private bool _proposalsReady;

    private LexiconStore(DbConnection db, StoreDialect dialect, string path)
    {
        _db = db;
        Dialect = dialect;
        Path = path;
    }

    /// <summary>The file, or the PostgreSQL database as <c>postgres://user@host:port/database</c> (never the password).</summary>
    public string Path { get; }

    /// <summary>Whether this lexicon lives on a PostgreSQL server rather than in a file.</summary>
    public bool IsServer => Dialect is PostgresDialect;

    internal DbConnection Connection => _db;

    internal StoreDialect Dialect { get; }

    /// <summary>Whether <paramref name="location"/> names a PostgreSQL database rather than a file.</summary>
    public static bool IsServerLocation(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return PostgresLocation.Is(location);
    }

    /// <summary>How to name <paramref name="location"/> to people: the file, or the database without its password.</summary>
    public static string DisplayName(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!PostgresLocation.Is(location))
            return location;
        try
        {
            return PostgresLocation.Parse(location).Display;
        }
        catch (LexiconStoreException)
        {
            return "(a PostgreSQL location)";
        }
    }

    /// <summary>
    /// Opens a lexicon: a SQLite file, or a PostgreSQL database named by URI or connection string. With
    /// <paramref name="create"/>, a missing file is created, and a database without a lexicon gets the tables.
    /// </summary>
    /// <exception cref="LexiconStoreException">Missing, not a lexicon, a newer format, or the server cannot be reached.</exception>
    public static LexiconStore Open(string path, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        return PostgresLocation.Is(path) ? OpenPostgres(path, create) : OpenSqlite(path, create);
    }

    private static LexiconStore OpenSqlite(string path, bool create)
    {
        bool exists = File.Exists(path);
        if (!exists && !create)
            throw new LexiconStoreException($"{path}: no such lexicon; build one with 'kannadakit lexicon build --out {path}'");
        if (exists && !LooksLikeSqlite(path))
            throw new LexiconStoreException($"{path}: not a lexicon (expected a SQLite file made by 'kannadakit lexicon build')");

        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            db.Open();
            // Check before any pragma writes: WAL mode rewrites the header of whatever file this is.
            bool empty = Convert.ToInt64(DbCommands.Scalar(db, "SELECT count(*) FROM sqlite_master"), CultureInfo.InvariantCulture) == 0;
            if (exists && !empty)
                CheckFormat(db, SqliteDialect.Instance, path, create: false);
            else
                Initialise(db, SqliteDialect.Instance);
            DbCommands.Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;");
            return new LexiconStore(db, SqliteDialect.Instance, path);
        }
        catch (SqliteException e)
        {
            db.Dispose();
            throw new LexiconStoreException($"{path}: not a usable lexicon ({e.Message.TrimEnd('.')})", e);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private static LexiconStore OpenPostgres(string location, bool create)
    {
        var (connection, display) = PostgresLocation.Parse(location);
        var db = new NpgsqlConnection(connection);
        try
        {
            db.Open();
            CheckFormat(db, PostgresDialect.Instance, display, create);
            return new LexiconStore(db, PostgresDialect.Instance, display);
        }
        catch (NpgsqlException e)
        {
            db.Dispose();
            throw new LexiconStoreException($"{display}: {e.Message.TrimEnd('.')}", e);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Imports one source's entries in one transaction. Entries may repeat a headword (a word in many translation
    /// tables): their facts add up. After the import, touched entries get their origin classified again and their
    /// summary columns recomputed. Inside <see cref="Atomically"/>, it joins that transaction instead.
    /// </summary>
    public ImportReport Import(Provenance source, IEnumerable<LexiconEntry> entries, IProgress<long>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(entries);
        return _ambient is { } tx ? Write(tx, source, entries, progress, cancel) : InTransaction(t => Write(t, source, entries, progress, cancel));
    }

    /// <summary>
    /// Runs <paramref name="work"/> (several imports) as one transaction: all of it lands, or none. How a build into a
    /// database is atomic, where a file build works on a copy instead.
    /// </summary>
    public void Atomically(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_ambient is not null)
            throw new InvalidOperationException("already inside Atomically");
        InTransaction(tx =>
        {
            _ambient = tx;
            try
            {
                work();
            }
            finally
            {
                _ambient = null;
            }

            return 0;
        });
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back when it throws.</summary>
    internal T InTransaction<T>(Func<DbTransaction, T> work)
    {
        if (_ambient is { } outer)
            return work(outer);
        using var tx = _db.BeginTransaction();
        var cached = new Dictionary<string, long>(_sourceIds, StringComparer.Ordinal);
        try
        {
            T result = work(tx);
            tx.Commit();
            return result;
        }
        catch
        {
            tx.Rollback();
            _sourceIds.Clear();
            foreach (var kv in cached)
                _sourceIds[kv.Key] = kv.Value;
            throw;
        }
    }

    /// <summary>Writes one source's entries inside <paramref name="tx"/>, then reclassifies what they touched.</summary>
    internal ImportReport Write(DbTransaction tx, Provenance source, IEnumerable<LexiconEntry> entries, IProgress<long>? progress = null, CancellationToken cancel = default)
    {
        if (Dialect.LockForImport is { } lockSql)
            DbCommands.Exec(_db, lockSql, tx);
        var writer = new EntryWriter(_db, tx, SourceId(source, tx), Dialect);
        long records = 0;
        foreach (var e in entries)
        {
            cancel.ThrowIfCancellationRequested();
            writer.Write(e);
            if (++records % 1000 == 0)
                progress?.Report(records);
        }

        progress?.Report(records);
        writer.Finish(SourceId(OriginClassifier.Source, tx));
        if (Dialect.AfterImport is { } analyse)
            DbCommands.Exec(_db, analyse, tx);
        return new ImportReport(source.Source, records, writer.NewHeadwords, writer.UpdatedHeadwords);
    }

    /// <summary>The entry for a headword (NFC-normalized first), or null.</summary>
    public LexiconEntry? Get(string headword)
    {
        ArgumentNullException.ThrowIfNull(headword);
        return EntryReader.Read(_db, Dialect, headword.Normalize(System.Text.NormalizationForm.FormC));
    }

    /// <summary>Every headword, in code-point order.</summary>
    public IEnumerable<string> Headwords()
    {
        using var cmd = DbCommands.Create(_db, "SELECT headword FROM entries ORDER BY headword");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return r.GetString(0);
    }

    /// <summary>Headwords whose best origin is native and whose corpus count is at least <paramref name="minFrequency"/>.</summary>
    public IEnumerable<string> NativeHeadwords(long minFrequency = 0)
    {
        using var cmd = DbCommands.Create(_db, "SELECT headword FROM entries WHERE origin = 'native' AND frequency >= @f ORDER BY headword", null, ("@f", minFrequency));
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return r.GetString(0);
    }

    /// <summary>Counts.</summary>
    public LexiconStats Stats()
    {
        long Scalar(string sql) => Convert.ToInt64(DbCommands.Scalar(_db, sql), CultureInfo.InvariantCulture);

        Dictionary<string, long> Grouped(string sql)
        {
            var d = new Dictionary<string, long>(StringComparer.Ordinal);
            using var c = DbCommands.Create(_db, sql);
            using var r = c.ExecuteReader();
            while (r.Read())
                d[r.GetString(0)] = Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture);
            return d;
        }

        return new LexiconStats(
            Scalar("SELECT count(*) FROM entries"),
            Scalar("SELECT count(*) FROM entries WHERE origin <> 'unknown'"),
            Scalar("SELECT count(DISTINCT entry_id) FROM facts WHERE kind = 'example'"),
            Scalar("SELECT count(*) FROM entries WHERE frequency > 0"),
            Scalar("SELECT count(*) FROM entries WHERE gloss <> ''"),
            Scalar("SELECT count(*) FROM senses"),
            Grouped("""
                SELECT s.name, count(*) FROM (SELECT source_id FROM facts UNION ALL SELECT source_id FROM senses) f
                JOIN sources s ON s.id = f.source_id GROUP BY s.name ORDER BY s.name
                """),
            Grouped("SELECT origin, count(*) FROM entries GROUP BY origin ORDER BY origin"));
    }

    /// <summary>
    /// Folds SQLite's write-ahead log into the main file, so the file alone is the whole lexicon (before it is moved or
    /// copied). Nothing to do on a server.
    /// </summary>
    public void Checkpoint()
    {
        if (Dialect is SqliteDialect)
            DbCommands.Exec(_db, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    /// <inheritdoc />
    public void Dispose() => _db.Dispose();

    internal static void Exec(DbConnection db, string sql, DbTransaction? tx = null) => DbCommands.Exec(db, sql, tx);

    /// <summary>
    /// Makes the review queue's table in a lexicon from before the queue existed; checked once per open store, so a
    /// server building a queue per request does not ask the catalogue every time.
    /// </summary>
    internal void EnsureProposals()
    {
        if (_proposalsReady)
            return;
        if (!TableExists("proposals"))
            InTransaction(tx => DbCommands.Exec(_db, Dialect.ProposalsSchema, tx));
        _proposalsReady = true;
    }

    internal bool TableExists(string name, DbTransaction? tx = null) =>
        Convert.ToBoolean(DbCommands.Scalar(_db, Dialect.TableExists, tx, ("@t", name)), CultureInfo.InvariantCulture);

    private long SourceId(Provenance p, DbTransaction tx)
    {
        if (_sourceIds.TryGetValue(p.Source, out long id))
            return id;
        id = Convert.ToInt64(DbCommands.Scalar(_db,
            "INSERT INTO sources(name, licence) VALUES (@n, @l) ON CONFLICT(name) DO UPDATE SET licence = excluded.licence RETURNING id",
            tx, ("@n", p.Source), ("@l", p.Licence)), CultureInfo.InvariantCulture);
        _sourceIds[p.Source] = id;
        return id;
    }

    private static bool LooksLikeSqlite(string path)
    {
        try
        {
            using var f = File.OpenRead(path);
            if (f.Length == 0)
                return true; // an empty file is a fresh database to SQLite
            Span<byte> head = stackalloc byte[16];
            return f.Read(head) == 16 && head.SequenceEqual("SQLite format 3\0"u8);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Initialise(DbConnection db, StoreDialect dialect)
    {
        using var tx = db.BeginTransaction();
        DbCommands.Exec(db, dialect.Schema, tx);
        DbCommands.Exec(db, "INSERT INTO meta(key, value) VALUES ('format', @f), ('version', @v)", tx,
            ("@f", LexiconSchema.Format), ("@v", LexiconSchema.Version.ToString(CultureInfo.InvariantCulture)));
        tx.Commit();
    }

    private static void CheckFormat(DbConnection db, StoreDialect dialect, string path, bool create)
    {
        bool hasMeta = Convert.ToBoolean(DbCommands.Scalar(db, dialect.TableExists, null, ("@t", "meta")), CultureInfo.InvariantCulture);
        if (!hasMeta)
        {
            if (dialect is PostgresDialect && !create)
                throw new LexiconStoreException($"{path}: no lexicon in this database; build one with 'kannadakit lexicon build --out {path}'");
            if (dialect is PostgresDialect && Convert.ToBoolean(DbCommands.Scalar(db, dialect.TableExists, null, ("@t", "entries")), CultureInfo.InvariantCulture))
                throw new LexiconStoreException($"{path}: the database has an 'entries' table that is not a lexicon's; use another database or schema");
            if (dialect is SqliteDialect)
                throw new LexiconStoreException($"{path}: a SQLite file but not a lexicon (no '{LexiconSchema.Format}' format mark)");
            Initialise(db, dialect);
            return;
        }

        string? Meta(string key) => DbCommands.Scalar(db, "SELECT value FROM meta WHERE key = @k", null, ("@k", key)) as string;
        if (Meta("format") != LexiconSchema.Format)
            throw new LexiconStoreException($"{path}: {(dialect is SqliteDialect ? "a SQLite file" : "a database")} but not a lexicon (no '{LexiconSchema.Format}' format mark)");
        string? version = Meta("version");
        if (!int.TryParse(version, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v > LexiconSchema.Version)
            throw new LexiconStoreException($"{path}: lexicon format version {version} is newer than this program's {LexiconSchema.Version}");
        if (v < LexiconSchema.Version)
            throw new LexiconStoreException($"{path}: lexicon format version {v} is older than this program's {LexiconSchema.Version}; rebuild it with 'kannadakit lexicon build'");
    }

    internal static string Json(IEnumerable<string> items) => JsonSerializer.Serialize(items.ToArray(), LexiconJson.Default.StringArray);

    internal static string[] FromJson(string json) =>
        json.Length == 0 ? [] : JsonSerializer.Deserialize(json, LexiconJson.Default.StringArray) ?? [];
}
