using System.Globalization;
using System.Text;

namespace KannadaKit.Cli.Tests.Commands;

/// <summary>
/// <c>kannadakit cluster</c> as separate processes on loopback, for each kind of membership (the derived classes):
/// three workers, a normalization job over a dozen files, one worker killed with SIGKILL mid-job, outputs
/// byte-identical to <c>kannadakit normalize</c> (and tokenize, segment); and every worker restarted mid-job, the job
/// run again, finished without redoing its done shards.
/// </summary>
public abstract class ClusterCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly ClusterWorkers _workers;

    protected ClusterCommandTests()
    {
        _workers = new ClusterWorkers(_cli.Directory);
    }

    protected CliRunner Cli => _cli;

    protected int SiloBase => _workers.SiloBase;

    protected int GatewayBase => _workers.GatewayBase;

    /// <summary>The --cluster value.</summary>
    protected abstract string Cluster { get; }

    /// <summary>The worker the first test kills.</summary>
    protected abstract int Victim { get; }

    public void Dispose()
    {
        _workers.Dispose();
        _cli.Dispose();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private void StartWorker(int i) => _workers.Start(i, Cluster);

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

    protected async Task AWorkerKilledMidJobLosesNothingAndTheOutputIsByteIdentical()
    {
        var inputs = Inputs();
        for (int i = 0; i < 3; i++)
            StartWorker(i);
        string outDir = _cli.PathOf("out");
        var job = RunJob(inputs, outDir);
        await UntilSomeShardsAreDone(outDir, job);
        Assert.False(job.IsCompleted, "the job finished before a worker could be killed: make it longer");
        _workers.Kill(Victim); // SIGKILL

        // The cluster at a glance while the job goes on: its workers (the killed one until it is declared dead) and the
        // job, unless it finished meanwhile. In localhost mode the list of jobs, or the job's own state, may have been
        // held by the killed worker; `run` submits the job again at its next poll and its state comes back from disk.
        var listed = new System.Text.RegularExpressions.Regex(@"\n1 job with work left\n  normalize-[0-9a-f]+: normalize \[#* *\] [\d,]+/[\d,]+ shards");
        CliRunner.Result glance;
        int tries = 0;
        do
        {
            glance = _cli.Run("", "cluster", "status", "--cluster", Cluster);
            Assert.True(glance.ExitCode == 0, glance.Stderr);
        }
        while (!listed.IsMatch(glance.Text) && ++tries < 10 && !job.IsCompleted);
        Assert.Matches(@"^[23] workers: 127\.0\.0\.1:\d+, 127\.0\.0\.1:\d+", glance.Text);
        Assert.True(listed.IsMatch(glance.Text) || job.IsCompleted, glance.Text); // a running job is listed with its progress
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

        // A second worker on a port that is taken (by a worker still running) is refused, not started beside the first.
        int taken = Victim == 0 ? 1 : 0;
        _cli.Run("", "cluster", "worker", "--cluster", Cluster, "--port", (SiloBase + taken).ToString(CultureInfo.InvariantCulture), "--gateway-port", (GatewayBase + taken).ToString(CultureInfo.InvariantCulture))
            .AssertOneLineError($"port {SiloBase + taken} is in use");
        Assert.Equal(before, inputs.Select(i => File.GetLastWriteTimeUtc(Path.Combine(outDir, Path.GetFileName(i)))));
    }

    protected async Task EveryWorkerRestartedMidJobAndTheJobRunAgainFinishesWithoutRedoingDoneShards()
    {
        var inputs = Inputs();
        for (int i = 0; i < 3; i++)
            StartWorker(i);
        string outDir = _cli.PathOf("out");
        var job = RunJob(inputs, outDir, giveUpAfter: 5);
        await UntilSomeShardsAreDone(outDir, job);
        Assert.False(job.IsCompleted, "the job finished before its workers could be stopped: make it longer");
        _workers.KillAll();
        // Outputs written before the restart must not be written again.
        var written = inputs.Select(i => Path.Combine(outDir, Path.GetFileName(i))).Where(File.Exists).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var lost = await job.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.NotEqual(0, lost.ExitCode); // its cluster went away under it
        Assert.Contains("the job goes on when workers are back: run the same command again", lost.Stderr);

        for (int i = 0; i < 3; i++)
            StartWorker(i);
        var r = _cli.Run("", ["cluster", "run", "normalize", .. inputs, "--out", outDir, "--cluster", Cluster, "--shard-mb", "0.01"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Matches(@"shards were already done; (going on from there|the workers finished it meanwhile)", r.Stderr);
        AssertSameAsOneMachine(inputs, outDir);
        Assert.All(written, w => Assert.Equal(w.Value, File.GetLastWriteTimeUtc(w.Key)));
    }
}
