using System.Diagnostics;
using System.Globalization;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Phonetics;
using KannadaKit.Lexicon.Search;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.Benchmarks.Lexicon;

/// <summary>
/// Build time and search latency on a generated lexicon (default 200,000 entries): p50/p99/max per mode over
/// distinct queries made from entries (never one query twice, so no cache answers), through the library call the CLI
/// makes. Peers in the same run: a plain SQLite LIKE scan for substrings and a full-scan edit distance for fuzzy
/// matching, the queries a user writes without our indexes.
/// </summary>
internal static class LexiconSearchBenchmark
{
    public static int Run(string[] args)
    {
        int size = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 200_000;
        int perMode = 1000;
        using var dir = new TempDirectory();
        var entries = GeneratedLexicon.Create(size);
        var clock = Stopwatch.StartNew();
        using var store = LexiconStore.Open(dir.File("bench.db"), create: true);
        store.Import(new Provenance("bench-generated", "CC0"), entries);
        double buildSeconds = clock.Elapsed.TotalSeconds;
        long bytes = new FileInfo(dir.File("bench.db")).Length + (File.Exists(dir.File("bench.db-wal")) ? new FileInfo(dir.File("bench.db-wal")).Length : 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lexicon: {size:N0} generated entries built in {buildSeconds:F1} s ({size / buildSeconds:N0} entries/s), {bytes / 1e6:F0} MB"));

        var random = new Random(7);
        var pick = Enumerable.Range(0, perMode * 12).Select(_ => entries[random.Next(entries.Count)]).DistinctBy(e => e.Headword).ToList();
        var searcher = new LexiconSearcher(store);
        Console.WriteLine($"search, {perMode:N0} distinct queries per mode, one thread, library call (LexiconSearcher.Search, limit 20):");
        Console.WriteLine($"  {"mode",-22} {"p50 ms",8} {"p99 ms",8} {"max ms",8}  hits");
        Measure(searcher, "exact", SearchMode.Exact, pick.Take(perMode).Select(e => e.Headword));
        Measure(searcher, "prefix", SearchMode.Prefix, pick.Skip(perMode).Take(perMode).Select(e => Aksharas(e.Headword, 2)));
        Measure(searcher, "substring", SearchMode.Substring, pick.Skip(2 * perMode).Take(perMode).Select(e => Middle(e.Headword)));
        var fuzzyQueries = pick.Skip(3 * perMode).Take(perMode).Select(e => Misspell(e.Headword, random)).ToList();
        Measure(searcher, "fuzzy", SearchMode.Fuzzy, fuzzyQueries);
        Measure(searcher, "phonetic (Kannada)", SearchMode.Phonetic, pick.Skip(4 * perMode).Take(perMode).Select(e => Deaspirate(e.Headword)));
        Measure(searcher, "phonetic (Latin)", SearchMode.Phonetic, pick.Skip(5 * perMode).Take(perMode).Select(e => Casual(e.Headword)));
        Measure(searcher, "english", SearchMode.English, pick.Skip(6 * perMode).Take(perMode).Select(e => e.Senses[0].Gloss.Split(' ')[0]));
        Measure(searcher, "lemma (form)", SearchMode.Lemma, pick.Skip(7 * perMode).Take(perMode).Select(e => Inflected(e.Headword)));
        Measure(searcher, "auto (Kannada form)", SearchMode.Auto, pick.Skip(8 * perMode).Take(perMode).Select(e => Inflected(e.Headword)));
        Measure(searcher, "auto (Latin)", SearchMode.Auto, pick.Skip(9 * perMode).Take(perMode).Select(e => Casual(e.Headword)));
        Measure(searcher, "auto (misspelt)", SearchMode.Auto, pick.Skip(10 * perMode).Take(perMode).Select(e => Misspell(e.Headword, random)));

        Console.WriteLine($"search through HTTP (lexicon serve on 127.0.0.1, /api/search, keep-alive client), {perMode / 2:N0} distinct queries per mode:");
        Console.WriteLine($"  {"mode",-22} {"p50 ms",8} {"p99 ms",8} {"max ms",8}  hits");
        var server = KannadaKit.Web.LexiconServer.Create(new KannadaKit.Web.LexiconServerOptions { DatabasePath = dir.File("bench.db"), Port = 0 });
        server.StartAsync().GetAwaiter().GetResult();
        using (var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) })
        {
            var httpPick = Enumerable.Range(0, perMode * 12).Select(_ => entries[random.Next(entries.Count)]).DistinctBy(e => e.Headword)
                .Where(e => !pick.Contains(e)).ToList();
            int h = perMode / 2;
            MeasureHttp(http, "exact", "exact", httpPick.Take(h).Select(e => e.Headword));
            MeasureHttp(http, "prefix", "prefix", httpPick.Skip(h).Take(h).Select(e => Aksharas(e.Headword, 2)));
            MeasureHttp(http, "substring", "substring", httpPick.Skip(2 * h).Take(h).Select(e => Middle(e.Headword)));
            MeasureHttp(http, "fuzzy", "fuzzy", httpPick.Skip(3 * h).Take(h).Select(e => Misspell(e.Headword, random)));
            MeasureHttp(http, "phonetic (Latin)", "phonetic", httpPick.Skip(4 * h).Take(h).Select(e => Casual(e.Headword)));
            MeasureHttp(http, "english", "english", httpPick.Skip(5 * h).Take(h).Select(e => e.Senses[0].Gloss.Split(' ')[0]));
            MeasureHttp(http, "lemma (form)", "lemma", httpPick.Skip(6 * h).Take(h).Select(e => Inflected(e.Headword)));
            MeasureHttp(http, "auto (misspelt)", "auto", httpPick.Skip(7 * h).Take(h).Select(e => Misspell(e.Headword, random)));
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Console.WriteLine("peers on the same lexicon, 100 queries each:");
        var words = store.Headwords().ToArray();
        var substrings = pick.Skip(2 * perMode).Take(100).Select(e => Middle(e.Headword)).ToList();
        // The peer opens the file the way a user's own script would: a plain connection, no help from our indexes.
        using var plain = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dir.File("bench.db")};Mode=ReadOnly;Pooling=False");
        plain.Open();
        double like = Peer(substrings, q =>
        {
            using var c = plain.CreateCommand();
            c.CommandText = "SELECT headword FROM entries WHERE headword LIKE '%' || $q || '%' ORDER BY frequency DESC LIMIT 20";
            c.Parameters.AddWithValue("$q", q);
            using var r = c.ExecuteReader();
            int k = 0;
            while (r.Read())
                k++;
            return k;
        });
        double ours = Peer(substrings, q => searcher.Search(q, SearchMode.Substring).Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  substring: SQLite LIKE scan {like:F2} ms/query, ours (FTS5 trigram) {ours:F2} ms/query: {like / ours:F1}x"));
        var fuzzy = fuzzyQueries.Take(100).ToList();
        double scan = Peer(fuzzy, q =>
        {
            var u = AksharaDistance.Units(q);
            return words.Count(w => AksharaDistance.Between(u, AksharaDistance.Units(w), 2) <= 2);
        });
        double oursFuzzy = Peer(fuzzy, q => searcher.Search(q, SearchMode.Fuzzy).Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  fuzzy: full-scan akshara edit distance {scan:F2} ms/query, ours (akshara-shape candidates) {oursFuzzy:F2} ms/query: {scan / oursFuzzy:F1}x"));
        if (Environment.GetEnvironmentVariable("KANNADAKIT_BENCH_POSTGRES") is { Length: > 0 } pg)
            Postgres(pg, entries, perMode);
        else
            Console.WriteLine("PostgreSQL: set KANNADAKIT_BENCH_POSTGRES to a connection string (e.g. tools/postgres/test-server.sh's) to measure the server store too");
        return 0;
    }

    /// <summary>The same entries and query kinds on the PostgreSQL store, in a schema of its own (dropped after).</summary>
    private static void Postgres(string server, List<LexiconEntry> entries, int perMode)
    {
        string schema = "kk_bench_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        void Admin(string sql)
        {
            using var db = new Npgsql.NpgsqlConnection(server);
            db.Open();
            using var c = db.CreateCommand();
            c.CommandText = sql;
            c.ExecuteNonQuery();
        }

        Admin($"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}");
        try
        {
            string location = new Npgsql.NpgsqlConnectionStringBuilder(server) { SearchPath = schema + ",public" }.ConnectionString;
            var clock = Stopwatch.StartNew();
            using var store = LexiconStore.Open(location, create: true);
            store.Import(new Provenance("bench-generated", "CC0"), entries);
            double seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PostgreSQL ({store.Path}): {entries.Count:N0} entries built in {seconds:F1} s ({entries.Count / seconds:N0} entries/s)"));
            var random = new Random(11);
            var pick = Enumerable.Range(0, perMode * 12).Select(_ => entries[random.Next(entries.Count)]).DistinctBy(e => e.Headword).ToList();
            var searcher = new LexiconSearcher(store);
            Console.WriteLine($"  {"mode",-22} {"p50 ms",8} {"p99 ms",8} {"max ms",8}  hits");
            Measure(searcher, "exact", SearchMode.Exact, pick.Take(perMode).Select(e => e.Headword));
            Measure(searcher, "prefix", SearchMode.Prefix, pick.Skip(perMode).Take(perMode).Select(e => Aksharas(e.Headword, 2)));
            Measure(searcher, "substring", SearchMode.Substring, pick.Skip(2 * perMode).Take(perMode).Select(e => Middle(e.Headword)));
            Measure(searcher, "fuzzy", SearchMode.Fuzzy, pick.Skip(3 * perMode).Take(perMode).Select(e => Misspell(e.Headword, random)));
            Measure(searcher, "phonetic (Latin)", SearchMode.Phonetic, pick.Skip(5 * perMode).Take(perMode).Select(e => Casual(e.Headword)));
            Measure(searcher, "english", SearchMode.English, pick.Skip(6 * perMode).Take(perMode).Select(e => e.Senses[0].Gloss.Split(' ')[0]));
            Measure(searcher, "lemma (form)", SearchMode.Lemma, pick.Skip(7 * perMode).Take(perMode).Select(e => Inflected(e.Headword)));
            Measure(searcher, "auto (misspelt)", SearchMode.Auto, pick.Skip(10 * perMode).Take(perMode).Select(e => Misspell(e.Headword, random)));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("KANNADAKIT_BENCH_KEEP") != "1")
                Admin($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    private static void Measure(LexiconSearcher s, string name, SearchMode mode, IEnumerable<string> queries)
    {
        var list = queries.Where(q => q.Length is > 0 and <= LexiconSearcher.MaxQueryLength).Distinct().ToList();
        if (list.Count == 0)
        {
            Console.WriteLine($"  {name,-22} (no queries left: the lexicon is too small for this many distinct picks)");
            return;
        }

        foreach (var q in list.Take(50))
            s.Search(q + "ಕ", mode); // warm-up on different strings, so measured queries stay unseen
        var times = new List<double>(list.Count);
        int hits = 0;
        foreach (var q in list)
        {
            long t0 = Stopwatch.GetTimestamp();
            hits += s.Search(q, mode).Count > 0 ? 1 : 0;
            times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-22} {P(0.5),8:F2} {P(0.99),8:F2} {times[^1],8:F2}  {hits}/{list.Count}"));
    }

    private static void MeasureHttp(HttpClient http, string name, string mode, IEnumerable<string> queries)
    {
        var list = queries.Where(q => q.Length is > 0 and <= LexiconSearcher.MaxQueryLength).Distinct().ToList();
        if (list.Count == 0)
        {
            Console.WriteLine($"  {name,-22} (no queries left: the lexicon is too small for this many distinct picks)");
            return;
        }

        foreach (var q in list.Take(50))
            http.GetStringAsync($"/api/search?mode={mode}&q={Uri.EscapeDataString(q + "ಕ")}").GetAwaiter().GetResult();
        var times = new List<double>(list.Count);
        int hits = 0;
        foreach (var q in list)
        {
            long t0 = Stopwatch.GetTimestamp();
            string body = http.GetStringAsync($"/api/search?mode={mode}&q={Uri.EscapeDataString(q)}").GetAwaiter().GetResult();
            times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            hits += body.Length > 2 ? 1 : 0;
        }

        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-22} {P(0.5),8:F2} {P(0.99),8:F2} {times[^1],8:F2}  {hits}/{list.Count}"));
    }

    private static double Peer(List<string> queries, Func<string, int> run)
    {
        run(queries[0] + "ಕ");
        var clock = Stopwatch.StartNew();
        foreach (var q in queries)
            run(q);
        return clock.Elapsed.TotalMilliseconds / queries.Count;
    }

    private static string Aksharas(string w, int n)
    {
        var a = KannadaKit.Text.Segmentation.Aksharas.Split(w);
        return a.Count <= n ? w : w[..(a[n - 1].Start + a[n - 1].Length)];
    }

    private static string Middle(string w) => w.Length <= 4 ? w : w.Substring(w.Length / 2 - 1, 3);

    private static string Misspell(string w, Random r)
    {
        var a = KannadaKit.Text.Segmentation.Aksharas.Split(w);
        var seg = a[r.Next(a.Count)];
        return w[..seg.Start] + GeneratedLexicon.Syllable(r) + w[(seg.Start + seg.Length)..];
    }

    private static string Deaspirate(string w) => w.Replace('ಖ', 'ಕ').Replace('ಭ', 'ಬ').Replace('ಧ', 'ದ').Replace('ಷ', 'ಶ').Replace('ಳ', 'ಲ');

    private static string Casual(string w) =>
        new string(Pronouncer.Of(w).Iso15919.Normalize(System.Text.NormalizationForm.FormD).Where(c => c is >= 'a' and <= 'z').ToArray());

    private static string Inflected(string w) => w[^1] switch
    {
        'ೆ' or 'ಿ' => w + "ಯಲ್ಲಿ",
        'ು' => w[..^1] + "ಿನಲ್ಲಿ",
        _ when w[^1] is >= 'ಕ' and <= 'ಹ' => w + "ದಲ್ಲಿ",
        _ => w + "ವನ್ನು",
    };
}
