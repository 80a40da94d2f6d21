using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KannadaKit.Cli.Tests.Commands;

/// <summary>
/// <c>kannadakit cluster</c> as separate processes on loopback (localhost membership): three workers, a normalization
/// job over a dozen files, one worker killed with SIGKILL mid-job, outputs byte-identical to <c>kannadakit
/// normalize</c>; and every worker restarted mid-job, the job run again, finished without redoing its done shards.
/// </summary>
public sealed class ClusterCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly List<Process> _workers = [];
    private readonly int _siloBase, _gatewayBase;

    public ClusterCommandTests()
    {
        (_siloBase, _gatewayBase) = (FreeRun(3), FreeRun(3));
    }

    public void Dispose()
    {
        foreach (var w in _workers)
            Stop(w);
        _cli.Dispose();
    }

    private string Cluster => string.Create(CultureInfo.InvariantCulture, $"localhost:{_siloBase}:{_gatewayBase}");

    // Three consecutive free ports (the client tries the first gateway and the nine after it).
    private static int FreeRun(int count)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            int start = Random.Shared.Next(20000, 60000);
            var listeners = new List<TcpListener>();
            try
            {
                for (int i = 0; i < count; i++)
                {
                    var l = new TcpListener(IPAddress.Loopback, start + i);
                    l.Start();
                    listeners.Add(l);
                }

                return start;
            }
            catch (SocketException)
            {
            }
            finally
            {
                foreach (var l in listeners)
                    l.Stop();
            }
        }

        throw new InvalidOperationException("no three free consecutive ports");
    }

    private Process StartWorker(int i)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _cli.Directory };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "kannadakit.dll"), "cluster", "worker", "--cluster", Cluster,
            "--port", (_siloBase + i).ToString(CultureInfo.InvariantCulture), "--gateway-port", (_gatewayBase + i).ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        _workers.Add(p);
        string? line = p.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        Assert.True(line?.Contains("joined the cluster", StringComparison.Ordinal) == true, $"worker {i}: {line}");
        _ = p.StandardError.ReadToEndAsync(); // keep the pipe drained
        return p;
    }

    private static void Stop(Process p)
    {
        try
        {
            if (!p.HasExited)
                p.Kill(); // SIGKILL
            p.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private List<string> Inputs()
    {
        var paths = new List<string>();
        Directory.CreateDirectory(_cli.PathOf("in"));
        for (int f = 0; f < 12; f++)
        {
            var b = new StringBuilder();
            b.Append('\uFEFF'); // a BOM, which the normalizer removes: only the first shard of a file sees it
            for (int i = 0; i < 2500; i++)
                b.Append(CultureInfo.InvariantCulture, $"ಕಡತ {f} ಸಾಲು {i}: ಮ೦ತ್ರಿಗಳು ಸ೦ಜೆ  ಸಭೆಗೆ ಬ೦ದರು, ಪುನ: ದು:ಖ\u200c\u200c ಕನ್ನಡ\r\n");
            paths.Add(_cli.Write($"in/part-{f:D2}.txt", b.ToString()));
        }

        return paths;
    }

    private void AssertSameAsOneMachine(List<string> inputs, string outDir)
    {
        foreach (var input in inputs)
        {
            string expected = _cli.PathOf("expected-" + Path.GetFileName(input));
            var one = _cli.Run("", "normalize", input, "-o", expected);
            Assert.True(one.ExitCode == 0, one.Stderr);
            Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(Path.Combine(outDir, Path.GetFileName(input))));
        }
    }

    // Waits until the job has finished some shards (their parts are on disk), however loaded the machine is.
    private static async Task UntilSomeShardsAreDone(string outDir, Task job, int parts = 20)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until && !job.IsCompleted)
        {
            if (Directory.Exists(outDir) && Directory.GetFiles(outDir, "part-??????", SearchOption.AllDirectories).Length >= parts)
                return;
            await Task.Delay(50);
        }
    }

    private Task<CliRunner.Result> RunJob(List<string> inputs, string outDir, int giveUpAfter = 60) =>
        Task.Run(() => _cli.Run("", ["cluster", "run", "normalize", .. inputs, "--out", outDir, "--cluster", Cluster, "--shard-mb", "0.01",
            "--give-up-after", giveUpAfter.ToString(CultureInfo.InvariantCulture)]));

    [LinuxFact]
    public async Task AWorkerKilledMidJobLosesNothingAndTheOutputIsByteIdentical()
    {
        var inputs = Inputs();
        for (int i = 0; i < 3; i++)
            StartWorker(i);
        string outDir = _cli.PathOf("out");
        var job = RunJob(inputs, outDir);
        await UntilSomeShardsAreDone(outDir, job);
        Assert.False(job.IsCompleted, "the job finished before a worker could be killed: make it longer");
        Stop(_workers[2]); // SIGKILL, not the primary (membership in localhost mode goes through it)
        var r = await job.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("12 files written", r.Text);
        AssertSameAsOneMachine(inputs, outDir);
        Assert.Empty(Directory.GetFiles(outDir, "part-??????", SearchOption.AllDirectories)); // the job's parts are gone

        // tokenize and segment --jsonl (line numbers across shards) on the two workers left: identical to one machine.
        string tokenizer = Path.Combine(KannadaKit.Testing.SharedData.RepoRoot, "tests", "KannadaKit.Tokenizers.Tests", "Fixtures", "hf", "unigram-metaspace.json");
        var tok = _cli.Run("", ["cluster", "run", "tokenize", .. inputs.Take(4), "--out", _cli.PathOf("ids"), "--cluster", Cluster, "--shard-mb", "0.02", "--tokenizer", tokenizer]);
        Assert.True(tok.ExitCode == 0, tok.Stderr);
        var seg = _cli.Run("", ["cluster", "run", "segment", .. inputs.Take(4), "--out", _cli.PathOf("seg"), "--cluster", Cluster, "--shard-mb", "0.02", "--unit", "akshara", "--jsonl"]);
        Assert.True(seg.ExitCode == 0, seg.Stderr);
        foreach (var input in inputs.Take(4))
        {
            var ids = _cli.Run("", "tokenizer", "encode", "--tokenizer", tokenizer, input);
            Assert.Equal(ids.Stdout, File.ReadAllBytes(Path.Combine(_cli.PathOf("ids"), Path.GetFileName(input))));
            var one = _cli.Run("", "segment", "--unit", "akshara", "--jsonl", input);
            Assert.Equal(one.Stdout, File.ReadAllBytes(Path.Combine(_cli.PathOf("seg"), Path.GetFileName(input))));
            Assert.Contains("\"line\":2500,", one.Text); // the last line's number came through the shards
        }

        // Run again: it is the same job, already finished, and nothing is rewritten.
        var before = inputs.Select(i => File.GetLastWriteTimeUtc(Path.Combine(outDir, Path.GetFileName(i)))).ToList();
        var again = _cli.Run("", ["cluster", "run", "normalize", .. inputs, "--out", outDir, "--cluster", Cluster, "--shard-mb", "0.01"]);
        Assert.True(again.ExitCode == 0, again.Stderr);

        // A second worker on a port that is taken is refused, not started beside the first.
        _cli.Run("", "cluster", "worker", "--cluster", Cluster, "--port", _siloBase.ToString(CultureInfo.InvariantCulture), "--gateway-port", _gatewayBase.ToString(CultureInfo.InvariantCulture))
            .AssertOneLineError($"port {_siloBase} is in use");
        Assert.Equal(before, inputs.Select(i => File.GetLastWriteTimeUtc(Path.Combine(outDir, Path.GetFileName(i)))));
    }

    [LinuxFact]
    public async Task EveryWorkerRestartedMidJobAndTheJobRunAgainFinishesWithoutRedoingDoneShards()
    {
        var inputs = Inputs();
        for (int i = 0; i < 3; i++)
            StartWorker(i);
        string outDir = _cli.PathOf("out");
        var job = RunJob(inputs, outDir, giveUpAfter: 5);
        await UntilSomeShardsAreDone(outDir, job);
        Assert.False(job.IsCompleted, "the job finished before its workers could be stopped: make it longer");
        foreach (var w in _workers.ToList())
            Stop(w);
        _workers.Clear();
        var lost = await job.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.NotEqual(0, lost.ExitCode); // its cluster went away under it
        Assert.Contains("the job goes on when workers are back: run the same command again", lost.Stderr);

        for (int i = 0; i < 3; i++)
            StartWorker(i);
        var r = _cli.Run("", ["cluster", "run", "normalize", .. inputs, "--out", outDir, "--cluster", Cluster, "--shard-mb", "0.01"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Matches(@"shards were already done; going on from there", r.Stderr);
        AssertSameAsOneMachine(inputs, outDir);
    }

    [Fact]
    public void BadArgumentsAreOneLineErrors()
    {
        string input = _cli.Write("a.txt", "ಕನ್ನಡ\n");
        _cli.Run("", "cluster", "run", "normalize", input, "--out", _cli.PathOf("o"), "--cluster", "somewhere").AssertOneLineError("--cluster: expected localhost");
        _cli.Run("", "cluster", "run", "normalize", _cli.PathOf("none.txt"), "--out", _cli.PathOf("o"), "--cluster", "localhost").AssertOneLineError("none.txt: no such file");
        _cli.Run("", "cluster", "run", "normalize", input, "--out", _cli.PathOf("o"), "--cluster", "localhost", "--profile", "wild").AssertOneLineError("unknown profile 'wild'");
        _cli.Run("", "cluster", "run", "normalize", input, "--out", _cli.PathOf("o"), "--cluster", Cluster).AssertOneLineError("no worker answers");
        _cli.Run("", "cluster", "run", "normalize", input, "--out", Path.Combine(input, "sub"), "--cluster", Cluster).AssertOneLineError("--out: ");
    }
}
