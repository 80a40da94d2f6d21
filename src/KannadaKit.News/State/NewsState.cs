using System.Globalization;
using KannadaKit.News.Digests;
using KannadaKit.News.Feeds;
using KannadaKit.News.Fetching;
using Microsoft.Data.Sqlite;

namespace KannadaKit.News.State;

/// <summary>
/// The news state in one SQLite file: feeds (validators, failures, when to try next), feed items, articles (text and
/// MinHash signature), article failures, the current stories with their summaries, a summary cache keyed by what was
/// summarized, and deliveries (files written, mail sent). Every change is one transaction, so a run killed halfway
/// leaves the state as it was after the last complete step. Thread-safe: calls are serialized.
/// </summary>
public sealed class NewsState : IDisposable
{
    /// <summary>The format this code reads and writes.</summary>
    public const string Format = "kannadakit-news/1";

    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private readonly SqliteConnection _db;
    private readonly Lock _lock = new();

    private NewsState(SqliteConnection db, string path)
    {
        _db = db;
        Path = path;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Opens <paramref name="path"/>, creating it when <paramref name="create"/> and it does not exist.</summary>
    /// <exception cref="NewsStateException">Missing, not a news state, or from a newer format; the message names the file.</exception>
    public static NewsState Open(string path, bool create = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        bool exists = File.Exists(path);
        if (!exists && !create)
            throw new NewsStateException($"{path}: no such news state; make one with 'kannadakit news run --state {path} …'");
        if (exists && !LooksLikeSqlite(path))
            throw new NewsStateException($"{path}: not a news state (expected a SQLite file made by 'kannadakit news run')");
        if (!exists && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } dir && !Directory.Exists(dir))
            throw new NewsStateException($"{path}: the folder {dir} does not exist");
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            db.Open();
            var tables = Convert.ToInt64(Scalar(db, "SELECT count(*) FROM sqlite_master", []), CultureInfo.InvariantCulture);
            if (tables == 0)
                Initialise(db);
            else if (Scalar(db, "SELECT value FROM meta WHERE key = 'format'", []) is not string f || f != Format)
                throw new NewsStateException($"{path}: not a news state of format {Format}");
            Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;", []);
            return new NewsState(db, path);
        }
        catch (SqliteException e)
        {
            db.Dispose();
            throw new NewsStateException($"{path}: not a usable news state ({e.Message.TrimEnd('.')})", e);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    // ---- feeds ------------------------------------------------------------------------------------------------

    /// <summary>What is known about a feed, or null for a new one.</summary>
    public StoredFeed? Feed(string url)
    {
        lock (_lock)
        {
            using var c = Command("SELECT url, outlet, etag, last_modified, failures, next_attempt, last_checked, last_error FROM feeds WHERE url = $u", ("$u", url));
            using var r = c.ExecuteReader();
            if (!r.Read())
                return null;
            return new StoredFeed(r.GetString(0), r.GetString(1), new FetchValidators(NullableString(r, 2), NullableString(r, 3)), r.GetInt32(4),
                ParseDate(NullableString(r, 5)), ParseDate(NullableString(r, 6)), r.GetString(7));
        }
    }

    /// <summary>Every feed known, by URL.</summary>
    public IReadOnlyList<StoredFeed> Feeds()
    {
        lock (_lock)
        {
            using var c = Command("SELECT url FROM feeds ORDER BY url");
            using var r = c.ExecuteReader();
            var urls = new List<string>();
            while (r.Read())
                urls.Add(r.GetString(0));
            return [.. urls.Select(u => Feed(u)!)];
        }
    }

    /// <summary>
    /// Records a successful fetch: the feed's new items (those not seen before, keyed by entry id within the feed),
    /// the validators for next time and when to come back, all in one transaction. Returns how many items were new.
    /// </summary>
    public int SaveFeed(string url, string outlet, Feed? parsed, FetchValidators validators, DateTimeOffset now, DateTimeOffset? nextAttempt, int status)
    {
        ArgumentNullException.ThrowIfNull(url);
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            int added = 0;
            foreach (var e in parsed?.Entries ?? [])
            {
                string key = e.Id.Length > 0 ? e.Id : e.Link.Length > 0 ? e.Link : e.Title;
                if (key.Length == 0)
                    continue;
                string text = FeedParser.PlainText(e.Content.Length > 0 ? e.Content : e.Summary);
                added += Exec(_db, """
                    INSERT INTO items(feed_url, entry_id, link, title, text, published, first_seen) VALUES ($f, $k, $l, $t, $x, $p, $n)
                    ON CONFLICT(feed_url, entry_id) DO NOTHING
                    """, [("$f", url), ("$k", key), ("$l", e.Link), ("$t", e.Title), ("$x", text), ("$p", FormatDate(e.Published ?? e.Updated)), ("$n", FormatDate(now))]);
            }

            Exec(_db, """
                INSERT INTO feeds(url, outlet, etag, last_modified, failures, next_attempt, last_checked, last_ok, last_error, last_status)
                VALUES ($u, $o, $e, $m, 0, $next, $n, $n, '', $s)
                ON CONFLICT(url) DO UPDATE SET outlet = excluded.outlet, etag = excluded.etag, last_modified = excluded.last_modified, failures = 0,
                  next_attempt = excluded.next_attempt, last_checked = excluded.last_checked, last_ok = excluded.last_ok, last_error = '', last_status = excluded.last_status
                """, [("$u", url), ("$o", outlet), ("$e", validators.ETag), ("$m", validators.LastModified), ("$next", FormatDate(nextAttempt)), ("$n", FormatDate(now)), ("$s", status)]);
            tx.Commit();
            return added;
        }
    }

    /// <summary>Records a failed fetch: one more failure, the message, and when to try again. Validators are kept.</summary>
    public void SaveFeedFailure(string url, string outlet, string error, int? status, DateTimeOffset now, DateTimeOffset nextAttempt)
    {
        lock (_lock)
        {
            Exec(_db, """
                INSERT INTO feeds(url, outlet, failures, next_attempt, last_checked, last_error, last_status) VALUES ($u, $o, 1, $next, $n, $err, $s)
                ON CONFLICT(url) DO UPDATE SET failures = feeds.failures + 1, next_attempt = excluded.next_attempt, last_checked = excluded.last_checked,
                  last_error = excluded.last_error, last_status = excluded.last_status
                """, [("$u", url), ("$o", outlet), ("$next", FormatDate(nextAttempt)), ("$n", FormatDate(now)), ("$err", error), ("$s", status)]);
        }
    }

    // ---- articles ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Items whose page is still to fetch: an http(s) link, no article from its page yet, fewer than
    /// <paramref name="maxAttempts"/> failures and due again; dated at or after <paramref name="since"/> or undated. Oldest first.
    /// </summary>
    public IReadOnlyList<PendingArticle> PendingArticles(DateTimeOffset now, DateTimeOffset since, int maxAttempts, int limit)
    {
        lock (_lock)
        {
            using var c = Command("""
                SELECT i.link, i.feed_url, coalesce(f.outlet, ''), i.title, i.text, i.published, coalesce(af.attempts, 0)
                FROM items i
                LEFT JOIN feeds f ON f.url = i.feed_url
                LEFT JOIN article_failures af ON af.url = i.link
                WHERE (i.link LIKE 'http://%' OR i.link LIKE 'https://%')
                  AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.url = i.link AND a.from_page = 1)
                  AND (af.url IS NULL OR (af.attempts < $max AND af.next_attempt <= $now))
                  AND (i.published IS NULL OR i.published >= $since)
                  AND i.id = (SELECT min(j.id) FROM items j WHERE j.link = i.link)
                ORDER BY i.id
                LIMIT $limit
                """, ("$max", maxAttempts), ("$now", FormatDate(now)), ("$since", FormatDate(since)), ("$limit", limit));
            using var r = c.ExecuteReader();
            var list = new List<PendingArticle>();
            while (r.Read())
                list.Add(new PendingArticle(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), ParseDate(NullableString(r, 5)), r.GetInt32(6)));
            return list;
        }
    }

    /// <summary>Stores an article (replacing a feed-text stand-in) and clears its failures.</summary>
    public void SaveArticle(StoredArticle a, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(a);
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            Exec(_db, """
                INSERT INTO articles(url, feed_url, outlet, title, byline, published, text, lead_image, from_page, signature, fetched)
                VALUES ($u, $f, $o, $t, $b, $p, $x, $i, $fp, $sig, $n)
                ON CONFLICT(url) DO UPDATE SET title = excluded.title, byline = excluded.byline, published = excluded.published, text = excluded.text,
                  lead_image = excluded.lead_image, from_page = excluded.from_page, signature = excluded.signature
                """, [("$u", a.Url), ("$f", a.FeedUrl), ("$o", a.Outlet), ("$t", a.Title), ("$b", a.Byline), ("$p", FormatDate(a.Published)), ("$x", a.Text),
                ("$i", a.LeadImage), ("$fp", a.FromPage ? 1 : 0), ("$sig", SignatureBytes(a.Signature)), ("$n", FormatDate(now))]);
            if (a.FromPage)
                Exec(_db, "DELETE FROM article_failures WHERE url = $u", [("$u", a.Url)]);
            tx.Commit();
        }
    }

    /// <summary>Records a failed page: the attempt, the message and when to try again.</summary>
    public void SaveArticleFailure(string url, string error, DateTimeOffset now, DateTimeOffset nextAttempt)
    {
        lock (_lock)
        {
            Exec(_db, """
                INSERT INTO article_failures(url, attempts, next_attempt, last_error, last_attempt) VALUES ($u, 1, $next, $err, $n)
                ON CONFLICT(url) DO UPDATE SET attempts = article_failures.attempts + 1, next_attempt = excluded.next_attempt, last_error = excluded.last_error,
                  last_attempt = excluded.last_attempt
                """, [("$u", url), ("$next", FormatDate(nextAttempt)), ("$err", error), ("$n", FormatDate(now))]);
        }
    }

    /// <summary>Articles dated (or, undated, first fetched) at or after <paramref name="since"/>, in the order they were first stored.</summary>
    public IReadOnlyList<StoredArticle> Articles(DateTimeOffset since)
    {
        lock (_lock)
        {
            using var c = Command("""
                SELECT url, feed_url, outlet, title, byline, published, text, lead_image, from_page, signature FROM articles
                WHERE coalesce(published, fetched) >= $since ORDER BY rowid
                """, ("$since", FormatDate(since)));
            using var r = c.ExecuteReader();
            var list = new List<StoredArticle>();
            while (r.Read())
            {
                list.Add(new StoredArticle(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), ParseDate(NullableString(r, 5)),
                    r.GetString(6), r.GetString(7), r.GetInt32(8) == 1, r.IsDBNull(9) ? [] : SignatureValues((byte[])r[9])));
            }

            return list;
        }
    }

    /// <summary>How many articles the state holds, and how many of them stand in with feed text.</summary>
    public (int Articles, int FromFeed, int Items, int FailedPages) Counts()
    {
        lock (_lock)
        {
            int N(string sql) => Convert.ToInt32(Scalar(_db, sql, []), CultureInfo.InvariantCulture);
            return (N("SELECT count(*) FROM articles"), N("SELECT count(*) FROM articles WHERE from_page = 0"), N("SELECT count(*) FROM items"),
                N("SELECT count(*) FROM article_failures"));
        }
    }

    // ---- stories and summaries --------------------------------------------------------------------------------

    /// <summary>A summary made before for exactly this content (<paramref name="key"/>: members, text and method), or null.</summary>
    public (string Headline, string Summary, string Method)? CachedSummary(string key)
    {
        lock (_lock)
        {
            using var c = Command("SELECT headline, summary, method FROM summaries WHERE key = $k", ("$k", key));
            using var r = c.ExecuteReader();
            return r.Read() ? (r.GetString(0), r.GetString(1), r.GetString(2)) : null;
        }
    }

    /// <summary>
    /// Replaces the current stories with <paramref name="digest"/>'s (and caches each story's summary under its key in
    /// <paramref name="summaryKeys"/>), in one transaction.
    /// </summary>
    public void SaveStories(Digest digest, IReadOnlyDictionary<string, string> summaryKeys)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(summaryKeys);
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            Exec(_db, "DELETE FROM story_sources; DELETE FROM stories;", []);
            int position = 0;
            foreach (var s in digest.Stories)
            {
                Exec(_db, "INSERT INTO stories(key, position, headline, summary, method, updated) VALUES ($k, $p, $h, $s, $m, $u)",
                    [("$k", s.Id), ("$p", position++), ("$h", s.Headline), ("$s", s.Summary), ("$m", s.Method), ("$u", FormatDate(s.Updated))]);
                for (int i = 0; i < s.Sources.Count; i++)
                    Exec(_db, "INSERT INTO story_sources(story_key, position, url) VALUES ($k, $p, $u)", [("$k", s.Id), ("$p", i), ("$u", s.Sources[i].Url)]);
                if (summaryKeys.TryGetValue(s.Id, out var key))
                {
                    Exec(_db, "INSERT INTO summaries(key, headline, summary, method, created) VALUES ($k, $h, $s, $m, $n) ON CONFLICT(key) DO NOTHING",
                        [("$k", key), ("$h", s.Headline), ("$s", s.Summary), ("$m", s.Method), ("$n", FormatDate(digest.Generated))]);
                }
            }

            Exec(_db, "INSERT INTO meta(key, value) VALUES ('generated', $g) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [("$g", FormatDate(digest.Generated))]);
            Exec(_db, "INSERT INTO meta(key, value) VALUES ('title', $t) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [("$t", digest.Title)]);
            tx.Commit();
        }
    }

    /// <summary>The current digest: the stories of the last run, newest first.</summary>
    public Digest Digest()
    {
        lock (_lock)
        {
            // One snapshot: a `news run` in another process may replace the stories between these reads.
            using var snapshot = _db.BeginTransaction(deferred: true);
            var generated = ParseDate(Scalar(_db, "SELECT value FROM meta WHERE key = 'generated'", []) as string) ?? DateTimeOffset.UnixEpoch;
            string title = Scalar(_db, "SELECT value FROM meta WHERE key = 'title'", []) as string ?? Digests.Digest.DefaultTitle;
            var sources = new Dictionary<string, List<DigestSource>>(StringComparer.Ordinal);
            using (var c = Command("""
                SELECT ss.story_key, a.url, a.outlet, a.title, a.published FROM story_sources ss JOIN articles a ON a.url = ss.url
                ORDER BY ss.story_key, ss.position
                """))
            using (var r = c.ExecuteReader())
            {
                while (r.Read())
                {
                    if (!sources.TryGetValue(r.GetString(0), out var list))
                        sources[r.GetString(0)] = list = [];
                    list.Add(new DigestSource(r.GetString(1), r.GetString(2), r.GetString(3), ParseDate(NullableString(r, 4))));
                }
            }

            var stories = new List<DigestStory>();
            using (var c = Command("SELECT key, headline, summary, method, updated FROM stories ORDER BY position"))
            using (var r = c.ExecuteReader())
            {
                while (r.Read())
                {
                    stories.Add(new DigestStory(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), ParseDate(r.GetString(4)) ?? generated,
                        sources.TryGetValue(r.GetString(0), out var s) ? s : []));
                }
            }

            return new Digest(generated, title, stories);
        }
    }

    // ---- deliveries -------------------------------------------------------------------------------------------

    /// <summary>The keys of the stories already delivered by <paramref name="kind"/> to <paramref name="target"/>.</summary>
    public IReadOnlySet<string> Delivered(string kind, string target)
    {
        lock (_lock)
        {
            using var c = Command("SELECT story_key FROM delivered WHERE kind = $k AND target = $t", ("$k", kind), ("$t", target));
            using var r = c.ExecuteReader();
            var set = new HashSet<string>(StringComparer.Ordinal);
            while (r.Read())
                set.Add(r.GetString(0));
            return set;
        }
    }

    /// <summary>Records a delivery (files written, a mail sent) and the stories it carried.</summary>
    public void RecordDelivery(string kind, string target, IEnumerable<string> storyKeys, DateTimeOffset now, string detail = "")
    {
        ArgumentNullException.ThrowIfNull(storyKeys);
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            var keys = storyKeys.ToList();
            Exec(_db, "INSERT INTO deliveries(kind, target, at, stories, detail) VALUES ($k, $t, $n, $s, $d)",
                [("$k", kind), ("$t", target), ("$n", FormatDate(now)), ("$s", keys.Count), ("$d", detail)]);
            foreach (var key in keys)
            {
                Exec(_db, "INSERT INTO delivered(kind, target, story_key, at) VALUES ($k, $t, $s, $n) ON CONFLICT DO NOTHING",
                    [("$k", kind), ("$t", target), ("$s", key), ("$n", FormatDate(now))]);
            }

            tx.Commit();
        }
    }

    /// <summary>Deliveries recorded, newest first: kind, target, time, stories.</summary>
    public IReadOnlyList<(string Kind, string Target, DateTimeOffset At, int Stories)> Deliveries()
    {
        lock (_lock)
        {
            using var c = Command("SELECT kind, target, at, stories FROM deliveries ORDER BY id DESC");
            using var r = c.ExecuteReader();
            var list = new List<(string, string, DateTimeOffset, int)>();
            while (r.Read())
                list.Add((r.GetString(0), r.GetString(1), ParseDate(r.GetString(2))!.Value, r.GetInt32(3)));
            return list;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _db.Dispose();

    // ---- helpers ----------------------------------------------------------------------------------------------

    internal static string? FormatDate(DateTimeOffset? d) => d?.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    internal static DateTimeOffset? ParseDate(string? s) =>
        s is { Length: > 0 } && DateTimeOffset.TryParseExact(s, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
            ? d : null;

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static byte[] SignatureBytes(ulong[] sig)
    {
        var bytes = new byte[sig.Length * 8];
        for (int i = 0; i < sig.Length; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), sig[i]);
        return bytes;
    }

    private static ulong[] SignatureValues(byte[] bytes)
    {
        var sig = new ulong[bytes.Length / 8];
        for (int i = 0; i < sig.Length; i++)
            sig[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * 8));
        return sig;
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var c = _db.CreateCommand();
        c.CommandText = sql;
        foreach (var (name, value) in parameters)
            c.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return c;
    }

    private static int Exec(SqliteConnection db, string sql, (string Name, object? Value)[] parameters)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        foreach (var (name, value) in parameters)
            c.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return c.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection db, string sql, (string Name, object? Value)[] parameters)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        foreach (var (name, value) in parameters)
            c.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return c.ExecuteScalar();
    }

    private static bool LooksLikeSqlite(string path)
    {
        using var f = File.OpenRead(path);
        if (f.Length == 0)
            return true;
        Span<byte> head = stackalloc byte[16];
        return f.Read(head) == 16 && head.SequenceEqual("SQLite format 3\0"u8);
    }

    private static void Initialise(SqliteConnection db)
    {
        using var tx = db.BeginTransaction();
        Exec(db, """
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE feeds(url TEXT PRIMARY KEY, outlet TEXT NOT NULL DEFAULT '', etag TEXT, last_modified TEXT, failures INTEGER NOT NULL DEFAULT 0,
              next_attempt TEXT, last_checked TEXT, last_ok TEXT, last_error TEXT NOT NULL DEFAULT '', last_status INTEGER);
            CREATE TABLE items(id INTEGER PRIMARY KEY, feed_url TEXT NOT NULL, entry_id TEXT NOT NULL, link TEXT NOT NULL, title TEXT NOT NULL,
              text TEXT NOT NULL, published TEXT, first_seen TEXT NOT NULL, UNIQUE(feed_url, entry_id));
            CREATE INDEX items_link ON items(link);
            CREATE TABLE articles(url TEXT PRIMARY KEY, feed_url TEXT NOT NULL, outlet TEXT NOT NULL, title TEXT NOT NULL, byline TEXT NOT NULL,
              published TEXT, text TEXT NOT NULL, lead_image TEXT NOT NULL, from_page INTEGER NOT NULL, signature BLOB, fetched TEXT NOT NULL);
            CREATE TABLE article_failures(url TEXT PRIMARY KEY, attempts INTEGER NOT NULL, next_attempt TEXT NOT NULL, last_error TEXT NOT NULL, last_attempt TEXT NOT NULL);
            CREATE TABLE stories(key TEXT PRIMARY KEY, position INTEGER NOT NULL, headline TEXT NOT NULL, summary TEXT NOT NULL, method TEXT NOT NULL, updated TEXT NOT NULL);
            CREATE TABLE story_sources(story_key TEXT NOT NULL, position INTEGER NOT NULL, url TEXT NOT NULL, PRIMARY KEY(story_key, position));
            CREATE TABLE summaries(key TEXT PRIMARY KEY, headline TEXT NOT NULL, summary TEXT NOT NULL, method TEXT NOT NULL, created TEXT NOT NULL);
            CREATE TABLE deliveries(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, at TEXT NOT NULL, stories INTEGER NOT NULL, detail TEXT NOT NULL);
            CREATE TABLE delivered(kind TEXT NOT NULL, target TEXT NOT NULL, story_key TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY(kind, target, story_key));
            """, []);
        Exec(db, "INSERT INTO meta(key, value) VALUES ('format', $f)", [("$f", Format)]);
        tx.Commit();
    }
}
