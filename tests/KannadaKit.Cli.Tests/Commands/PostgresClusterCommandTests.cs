using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using KannadaKit.Testing.Postgres;
using Npgsql;

namespace KannadaKit.Cli.Tests.Commands;

/// <summary>
/// The cluster scenarios with PostgreSQL membership, grain state and reminders (the tables made by the first worker
/// on first use, in a schema of the test's own); the worker killed is the first one, which is nothing special here.
/// </summary>
public sealed class PostgresClusterCommandTests : ClusterCommandTests
{
    private readonly PostgresSchema? _schema = PostgresServer.SkipReason is null ? PostgresServer.NewSchema() : null;

    protected override string Cluster => _schema?.ConnectionString ?? throw new InvalidOperationException(PostgresServer.SkipReason);

    protected override int Victim => 0;

    [PostgresFact]
    public async Task AWorkerKilledMidJob()
    {
        await AWorkerKilledMidJobLosesNothingAndTheOutputIsByteIdentical();

        // The job's state lives in the database: its grain's row is there, at a version past its first write.
        using var db = new NpgsqlConnection(Cluster);
        db.Open();
        using var c = new NpgsqlCommand("SELECT count(*), max(version) FROM grain_state WHERE grain_type = 'job'", db);
        using var r = c.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(3L, r.GetInt64(0)); // normalize, tokenize, segment
        Assert.True(r.GetInt32(1) > 10);

        // cluster serve: the three jobs ended lately, finished, newest first; two workers left.
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Cli.Directory };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "kannadakit.dll"), "cluster", "serve", "--cluster", Cluster, "--port", "0" })
            psi.ArgumentList.Add(a);
        using var serve = Process.Start(psi)!;
        try
        {
            _ = serve.StandardOutput.ReadToEndAsync();
            string? line = await serve.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var at = Regex.Match(line ?? "", @"at (http://127\.0\.0\.1:\d+/)");
            Assert.True(at.Success, line);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(new Uri(at.Groups[1].Value), "status.json")));
            Assert.Equal(2, json.RootElement.GetProperty("workers").GetArrayLength());
            Assert.Equal(0, json.RootElement.GetProperty("jobs").GetArrayLength());
            var ended = json.RootElement.GetProperty("ended").EnumerateArray().ToList();
            Assert.Equal(["segment", "tokenize", "normalize"], ended.Select(j => j.GetProperty("command").GetString()));
            Assert.All(ended, j => Assert.True(j.GetProperty("finished").GetBoolean()));
            string page = await http.GetStringAsync(at.Groups[1].Value);
            Assert.Contains("<h2>Ended lately</h2>", page, StringComparison.Ordinal);
        }
        finally
        {
            serve.Kill();
            serve.WaitForExit(10_000);
        }
    }

    [PostgresFact]
    public Task EveryWorkerRestartedMidJob() => EveryWorkerRestartedMidJobAndTheJobRunAgainFinishesWithoutRedoingDoneShards();

    [PostgresFact]
    public void NoWorkerIsAOneLineError()
    {
        var init = Cli.Run("", "cluster", "init", "--cluster", Cluster);
        Assert.True(init.ExitCode == 0, init.Stderr);
        Assert.Equal($"cluster tables ready in schema {_schema!.Name}\n", init.Text);
        string input = Cli.Write("a.txt", "ಕನ್ನಡ\n");
        Cli.Run("", "cluster", "run", "normalize", input, "--out", Cli.PathOf("o"), "--cluster", Cluster).AssertOneLineError("no worker answers in the cluster's membership table");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _schema?.Dispose();
        base.Dispose(disposing);
    }
}
