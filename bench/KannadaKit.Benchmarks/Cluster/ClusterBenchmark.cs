using System.Diagnostics;
using System.Globalization;
using System.Text;
using KannadaKit.Testing.Net;

namespace KannadaKit.Benchmarks.Cluster;

/// <summary>
/// <c>bench -- cluster [MB]</c>: the same normalization job (a dozen generated Kannada files, never seen before by
/// any process) through the one-machine <c>kannadakit normalize</c>, then <c>cluster run normalize</c> on one and on
/// three local workers (localhost membership, and PostgreSQL with KANNADAKIT_BENCH_POSTGRES): wall time, MB/s, and the cluster path's cost per shard against the
/// one-machine command. Outputs are compared byte for byte. Uses ./kannadakit (built in Release on first use).
/// </summary>
public static class ClusterBenchmark
{
    public static int Run(string[] args)
    {
        double mb = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 96;
        string root = FindRepo();
        string cli = Path.Combine(root, "kannadakit");
        string dir = Path.Combine(Path.GetTempPath(), "kannadakit-bench-cluster-" + Environment.ProcessId);
        Directory.CreateDirectory(Path.Combine(dir, "in"));
        try
        {
            var inputs = Generate(Path.Combine(dir, "in"), 12, (long)(mb * 1e6 / 12));
            long bytes = inputs.Sum(f => new FileInfo(f).Length);
            Exec(cli, ["normalize", "--help"], dir); // build once, outside the timings
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster: normalize {inputs.Count} files, {bytes / 1e6:F0} MB of generated Kannada, {Environment.ProcessorCount} cores"));

            var clock = Stopwatch.StartNew();
            foreach (var input in inputs)
                Exec(cli, ["normalize", input, "-o", Path.Combine(dir, "one", Path.GetFileName(input))], dir, mkdir: Path.Combine(dir, "one"));
            double one = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  one machine (kannadakit normalize, one process per file): {one:F2} s, {bytes / 1e6 / one:F0} MB/s"));

            const double shardMb = 2;
            int shards = 0;
            // PostgreSQL membership too when a server is given: a schema of this run's own, dropped at the end.
            string? pg = Environment.GetEnvironmentVariable("KANNADAKIT_BENCH_POSTGRES") is { Length: > 0 } server
                ? new Npgsql.NpgsqlConnectionStringBuilder(server) { SearchPath = "kk_bench_" + Environment.ProcessId }.ConnectionString
                : null;
            if (pg is null)
                Console.WriteLine("  (set KANNADAKIT_BENCH_POSTGRES to a connection string, e.g. tools/postgres/test-server.sh's, to measure PostgreSQL membership too)");
            var runs = new List<(string Membership, int Workers)> { ("localhost", 1), ("localhost", 3) };
            if (pg is not null)
                runs.AddRange([("PostgreSQL", 1), ("PostgreSQL", 3)]);
            try
            {
                foreach (var (membership, workers) in runs)
                {
                    int silo = FreePorts.Run(workers), gateway = FreePorts.Run(workers);
                    string cluster = membership == "localhost" ? string.Create(CultureInfo.InvariantCulture, $"localhost:{silo}:{gateway}") : pg!;
                    var procs = Enumerable.Range(0, workers).Select(i => StartWorker(cli, cluster, silo + i, gateway + i, dir)).ToList();
                    try
                    {
                        string outDir = Path.Combine(dir, "out-" + membership + workers);
                        clock.Restart();
                        string text = Exec(cli, ["cluster", "run", "normalize", .. inputs, "--out", outDir, "--cluster", cluster, "--shard-mb", shardMb.ToString(CultureInfo.InvariantCulture)], dir);
                        double t = clock.Elapsed.TotalSeconds;
                        shards = int.Parse(text.Split('(')[1].Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                        bool same = inputs.All(i => File.ReadAllBytes(Path.Combine(dir, "one", Path.GetFileName(i))).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(outDir, Path.GetFileName(i)))));
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  cluster ({membership} membership), {workers} worker{(workers == 1 ? "" : "s")}: {t:F2} s, {bytes / 1e6 / t:F0} MB/s, {shards} shards of {shardMb} MB ({(t - one) / shards * 1000:+0;-0} ms per shard against one machine); outputs {(same ? "byte-identical" : "DIFFER")}"));
                        if (!same)
                            return 1;
                    }
                    finally
                    {
                        foreach (var p in procs)
                        {
                            p.Kill();
                            p.WaitForExit();
                        }
                    }

                    // Killed workers leave rows that a new worker waits on until they go stale: start each PostgreSQL run clean.
                    if (pg is not null)
                        DropSchema(pg);
                }
            }
            finally
            {
                if (pg is not null)
                    DropSchema(pg);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void DropSchema(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        string schema = b.SearchPath!;
        b.SearchPath = null;
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var db = new Npgsql.NpgsqlConnection(b.ConnectionString);
        db.Open();
        using var c = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", db);
        c.ExecuteNonQuery();
    }

    private static List<string> Generate(string dir, int files, long bytesEach)
    {
        string[] words = ["ಕನ್ನಡ", "ಮ೦ತ್ರಿಗಳು", "ಸ೦ಜೆ", "ಸಭೆಗೆ", "ಬ೦ದರು", "ದು:ಖ", "ಪುನ:", "ಬೆಂಗಳೂರು", "ಶಾಲೆ\u200c", "ಮಳೆ", "ರಾಜ್ಯ", "ಸರ್ಕಾರ", "೨೦೨೬", "ಕ್ಷೇತ್ರ"];
        var paths = new List<string>();
        var random = new Random(16);
        for (int f = 0; f < files; f++)
        {
            string path = Path.Combine(dir, $"corpus-{f:D2}.txt");
            using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
            long written = 0;
            var line = new StringBuilder();
            while (written < bytesEach)
            {
                line.Clear();
                int n = random.Next(6, 30);
                for (int i = 0; i < n; i++)
                    line.Append(words[random.Next(words.Length)]).Append(random.Next(5) == 0 ? "  " : " ");
                line.Append('\n');
                w.Write(line);
                written += Encoding.UTF8.GetByteCount(line.ToString());
            }

            paths.Add(path);
        }

        return paths;
    }

    private static Process StartWorker(string cli, string cluster, int silo, int gateway, string dir)
    {
        var psi = new ProcessStartInfo(cli) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = dir };
        foreach (var a in new[] { "cluster", "worker", "--cluster", cluster, "--port", silo.ToString(CultureInfo.InvariantCulture), "--gateway-port", gateway.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        _ = p.StandardOutput.ReadToEndAsync();
        // The worker's log lines (warnings while it joins) come before the line that says it has joined.
        string? line;
        while ((line = p.StandardError.ReadLine()) is not null && !line.Contains("joined the cluster", StringComparison.Ordinal))
        {
        }

        if (line is null)
            throw new InvalidOperationException("worker did not start");
        _ = p.StandardError.ReadToEndAsync();
        return p;
    }

    private static string Exec(string cli, string[] args, string dir, string? mkdir = null)
    {
        if (mkdir is not null)
            Directory.CreateDirectory(mkdir);
        var psi = new ProcessStartInfo(cli) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = dir };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"kannadakit {string.Join(' ', args.Take(3))}: exit {p.ExitCode}: {stderr}");
        return stdout.Result;
    }

    private static string FindRepo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "KannadaKit.sln")))
                return d.FullName;
        }

        throw new InvalidOperationException("run from inside the repository");
    }
}
