using System.Globalization;
using System.Text.Json;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Origins;
using KannadaKit.Lexicon.Phonetics;
using Microsoft.Data.Sqlite;

namespace KannadaKit.Lexicon.Store;

/// <summary>
/// The embedded lexicon: one SQLite file with FTS5 indexes for English glosses and headword substrings. An import runs
/// in one transaction (a failure leaves the file as it was) and replaces only the importing source's facts for the
/// headwords it brings, so importing the same file twice gives the same lexicon. One instance per thread.
/// </summary>
public sealed class LexiconStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Dictionary<string, long> _sourceIds = new(StringComparer.Ordinal);

    private LexiconStore(SqliteConnection db, string path)
    {
        _db = db;
        Path = path;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    internal SqliteConnection Connection => _db;

    /// <summary>Opens a lexicon; with <paramref name="create"/>, makes a new one when the file does not exist.</summary>
    /// <exception cref="LexiconStoreException">The file is missing, not a SQLite file, or not a lexicon.</exception>
    public static LexiconStore Open(string path, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(path);
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
            if (exists)
                CheckFormat(db, path);
            else
                Initialise(db);
            Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;");
            return new LexiconStore(db, path);
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

    /// <summary>
    /// Imports one source's entries in one transaction. Entries may repeat a headword (a word in many translation
    /// tables): their facts add up. After the import, touched entries get their origin classified again and their
    /// summary columns recomputed.
    /// </summary>
    public ImportReport Import(Provenance source, IEnumerable<LexiconEntry> entries, IProgress<long>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(entries);
        return InTransaction(tx => Write(tx, source, entries, progress, cancel));
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back when it throws.</summary>
    internal T InTransaction<T>(Func<SqliteTransaction, T> work)
    {
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
    internal ImportReport Write(SqliteTransaction tx, Provenance source, IEnumerable<LexiconEntry> entries, IProgress<long>? progress = null, CancellationToken cancel = default)
    {
        var writer = new EntryWriter(_db, tx, SourceId(source, tx));
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
        return new ImportReport(source.Source, records, writer.NewHeadwords, writer.UpdatedHeadwords);
    }

    /// <summary>The entry for a headword (NFC-normalized first), or null.</summary>
    public LexiconEntry? Get(string headword)
    {
        ArgumentNullException.ThrowIfNull(headword);
        return EntryReader.Read(_db, headword.Normalize(System.Text.NormalizationForm.FormC));
    }

    /// <summary>Every headword, in code-point order.</summary>
    public IEnumerable<string> Headwords()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT headword FROM entries ORDER BY headword";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return r.GetString(0);
    }

    /// <summary>Headwords whose best origin is native and whose corpus count is at least <paramref name="minFrequency"/>.</summary>
    public IEnumerable<string> NativeHeadwords(long minFrequency = 0)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT headword FROM entries WHERE origin = 'native' AND frequency >= $f ORDER BY headword";
        cmd.Parameters.AddWithValue("$f", minFrequency);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            yield return r.GetString(0);
    }

    /// <summary>Counts.</summary>
    public LexiconStats Stats()
    {
        long Scalar(string sql)
        {
            using var c = _db.CreateCommand();
            c.CommandText = sql;
            return Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        Dictionary<string, long> Grouped(string sql)
        {
            var d = new Dictionary<string, long>(StringComparer.Ordinal);
            using var c = _db.CreateCommand();
            c.CommandText = sql;
            using var r = c.ExecuteReader();
            while (r.Read())
                d[r.GetString(0)] = r.GetInt64(1);
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

    /// <summary>Folds the write-ahead log into the main file, so the file alone is the whole lexicon (before it is moved or copied).</summary>
    public void Checkpoint() => Exec(_db, "PRAGMA wal_checkpoint(TRUNCATE);");

    /// <inheritdoc />
    public void Dispose() => _db.Dispose();

    internal static void Exec(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var c = db.CreateCommand();
        c.Transaction = tx;
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    private long SourceId(Provenance p, SqliteTransaction tx)
    {
        if (_sourceIds.TryGetValue(p.Source, out long id))
            return id;
        using var c = _db.CreateCommand();
        c.Transaction = tx;
        c.CommandText = "INSERT INTO sources(name, licence) VALUES ($n, $l) ON CONFLICT(name) DO UPDATE SET licence = excluded.licence RETURNING id";
        c.Parameters.AddWithValue("$n", p.Source);
        c.Parameters.AddWithValue("$l", p.Licence);
        id = Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture);
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

    private static void Initialise(SqliteConnection db)
    {
        using var tx = db.BeginTransaction();
        Exec(db, LexiconSchema.Create, tx);
        using var c = db.CreateCommand();
        c.Transaction = tx;
        c.CommandText = "INSERT INTO meta(key, value) VALUES ('format', $f), ('version', $v)";
        c.Parameters.AddWithValue("$f", LexiconSchema.Format);
        c.Parameters.AddWithValue("$v", LexiconSchema.Version.ToString(CultureInfo.InvariantCulture));
        c.ExecuteNonQuery();
        tx.Commit();
    }

    private static void CheckFormat(SqliteConnection db, string path)
    {
        using var c = db.CreateCommand();
        c.CommandText = "SELECT value FROM meta WHERE key = 'format'";
        object? format;
        try
        {
            format = c.ExecuteScalar();
        }
        catch (SqliteException)
        {
            format = null;
        }

        if (format is null && IsEmpty(db))
        {
            Initialise(db);
            return;
        }

        if (format as string != LexiconSchema.Format)
            throw new LexiconStoreException($"{path}: a SQLite file but not a lexicon (no '{LexiconSchema.Format}' format mark)");
        c.CommandText = "SELECT value FROM meta WHERE key = 'version'";
        if (!int.TryParse(c.ExecuteScalar() as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v > LexiconSchema.Version)
            throw new LexiconStoreException($"{path}: lexicon format version {c.ExecuteScalar()} is newer than this program's {LexiconSchema.Version}");
        if (v < LexiconSchema.Version)
            throw new LexiconStoreException($"{path}: lexicon format version {v} is older than this program's {LexiconSchema.Version}; rebuild it with 'kannadakit lexicon build'");
    }

    private static bool IsEmpty(SqliteConnection db)
    {
        using var c = db.CreateCommand();
        c.CommandText = "SELECT count(*) FROM sqlite_master";
        return Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture) == 0;
    }

    internal static string Json(IEnumerable<string> items) => JsonSerializer.Serialize(items.ToArray(), LexiconJson.Default.StringArray);

    internal static string[] FromJson(string json) =>
        json.Length == 0 ? [] : JsonSerializer.Deserialize(json, LexiconJson.Default.StringArray) ?? [];
}
