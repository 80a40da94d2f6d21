using System.Text;
using KannadaKit.Cluster.Grains;
using KannadaKit.Cluster.Jobs;
using KannadaKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace KannadaKit.Cluster.Tests;

/// <summary>
/// Corpus jobs on an Orleans TestingHost cluster of three silos in one process: the outputs equal the whole-file
/// answer, a silo stopped mid-job loses only its in-flight shards (run again elsewhere), and a job submitted again
/// after it finished does nothing.
/// </summary>
public sealed class ClusterJobTests : IAsyncLifetime, IDisposable
{
    // Silos are built from a configurator type, so the processor they share is reached through a static.
    internal static readonly LineNormalizer Processor = new();
    private readonly TempDirectory _dir = new();
    private TestCluster _cluster = null!;

    private sealed class Silos : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(ClusterStorage.Name);
            silo.AddKannadaKitWorker([Processor], new CorpusJobOptions { LeaseTime = TimeSpan.FromSeconds(3), IdleWait = TimeSpan.FromMilliseconds(50), Slots = 2 });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        }
    }

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<Silos>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    private List<string> Inputs(int files, int lines)
    {
        var paths = new List<string>();
        Directory.CreateDirectory(_dir.File("in"));
        for (int f = 0; f < files; f++)
        {
            var b = new StringBuilder();
            for (int i = 0; i < lines; i++)
                b.Append(System.Globalization.CultureInfo.InvariantCulture, $"ಕಡತ {f} ಸಾಲು {i}: ಮ೦ತ್ರಿಗಳು ಸ೦ಜೆ ಸಭೆಗೆ ಬ೦ದರು, ಪುನ: ದು:ಖ\u200c\n");
            string path = _dir.File($"in/part-{f:D2}.txt");
            File.WriteAllText(path, b.ToString());
            paths.Add(path);
        }

        return paths;
    }

    [Fact]
    public async Task AStoppedSiloLosesOnlyItsInFlightShardsAndTheOutputIsExact()
    {
        var inputs = Inputs(12, 300);
        var plan = ShardPlanner.Plan(new CorpusJobSpec { Command = "normalize", Inputs = inputs, OutputFolder = _dir.File("out"), ShardBytes = 4096 });
        Assert.True(plan.Shards.Count >= 48, $"{plan.Shards.Count} shards");
        Processor.Delay = TimeSpan.FromMilliseconds(40);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var statuses = new List<JobStatus>();
        var run = CorpusJobClient.RunAsync(_cluster.Client, plan, new Progress<JobStatus>(s => { lock (statuses) statuses.Add(s); }), TimeSpan.FromMilliseconds(100), cancel: cancel.Token);

        // Once work is under way on every silo, stop one that is not the primary (the test cluster's membership lives there).
        var victim = _cluster.SecondarySilos[0];
        while (true)
        {
            var status = await _cluster.Client.GetGrain<ICorpusJobGrain>(plan.Id).Status();
            if (status.ShardsDone >= plan.Shards.Count / 4 && status.Workers.Contains(victim.SiloAddress.ToParsableString()))
                break; // a quarter done, and the victim holds a shard
            await Task.Delay(20, cancel.Token);
        }

        await _cluster.KillSiloAsync(victim);
        var done = await run;
        Processor.Delay = TimeSpan.Zero;

        Assert.True(done.Finished);
        Assert.Equal(plan.Files.Count, done.FilesDone);
        foreach (var (file, i) in plan.Files.Select((f, i) => (f, i)))
            Assert.Equal(Processor.Apply(File.ReadAllText(inputs[i])), File.ReadAllText(file.Output));
        // Every shard ran at least once, and only shards in flight at the loss ran twice: the lost silo's two slots,
        // or, when the job's own grain lived there and its leases went with it, at most every slot's (3 × 2).
        var runs = Processor.Seen.Where(s => inputs.Contains(s.Input)).GroupBy(s => s).Select(g => g.Count()).ToList();
        Assert.Equal(plan.Shards.Count, runs.Count);
        Assert.InRange(runs.Sum() - plan.Shards.Count, 0, 6);
        Assert.True(new JobFolder(plan).IsDone);
    }

    [Fact]
    public async Task AFinishedJobSubmittedAgainDoesNothingAndABadInputStopsTheJobWithItsMessage()
    {
        var inputs = Inputs(3, 50);
        var plan = ShardPlanner.Plan(new CorpusJobSpec { Command = "normalize", Inputs = inputs, OutputFolder = _dir.File("out2"), ShardBytes = 2048 });
        await CorpusJobClient.RunAsync(_cluster.Client, plan, poll: TimeSpan.FromMilliseconds(50));
        int before = Processor.Seen.Count;
        var written = File.GetLastWriteTimeUtc(plan.Files[0].Output);
        var again = await CorpusJobClient.RunAsync(_cluster.Client, plan, poll: TimeSpan.FromMilliseconds(50));
        Assert.True(again.Finished);
        Assert.Equal(before, Processor.Seen.Count);
        Assert.Equal(written, File.GetLastWriteTimeUtc(plan.Files[0].Output));

        string bad = _dir.File("in/bad.txt");
        File.WriteAllBytes(bad, [.. "ಸರಿ\n"u8, 0xff, 0xfe, (byte)'\n']);
        var badPlan = ShardPlanner.Plan(new CorpusJobSpec { Command = "normalize", Inputs = [bad], OutputFolder = _dir.File("out3") });
        var e = await Assert.ThrowsAsync<ClusterJobException>(() => CorpusJobClient.RunAsync(_cluster.Client, badPlan, poll: TimeSpan.FromMilliseconds(50)));
        Assert.Contains("bad.txt: invalid UTF-8", e.Message);
        Assert.False(File.Exists(badPlan.Files[0].Output));
    }
}
