using System.IO.Compression;
using System.Text;
using KannadaKit.Cluster.Jobs;
using KannadaKit.Testing;

namespace KannadaKit.Cluster.Tests;

public sealed class ShardPlannerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string s_lines = string.Concat(Enumerable.Range(0, 400).Select(i => $"ಸಾಲು {i}: ಕನ್ನಡ\u200cದ ಮ೦ತ್ರಿ ದು:ಖ\n"));

    [Fact]
    public void ShardsAreWholeLinesThatCoverTheFileExactlyOnce()
    {
        string path = _dir.File("a.txt");
        File.WriteAllText(path, s_lines + "no newline at the end");
        var plan = ShardPlanner.Plan(new CorpusJobSpec { Command = "normalize", Inputs = [path], OutputFolder = _dir.File("out"), ShardBytes = 1000 });
        var bytes = File.ReadAllBytes(path);
        Assert.True(plan.Shards.Count > 10);
        long at = 0;
        foreach (var s in plan.Shards)
        {
            Assert.Equal(at, s.Start);
            Assert.True(s.Start == 0 || bytes[s.Start - 1] == (byte)'\n', $"shard {s.Index} starts mid-line");
            at += s.Length;
        }

        Assert.Equal(bytes.Length, at);
        Assert.Equal(plan.Shards.Count, plan.Files[0].Parts);
        // The same job planned again is the same job.
        Assert.Equal(plan.Id, ShardPlanner.Plan(new CorpusJobSpec { Command = "normalize", Inputs = [path], OutputFolder = _dir.File("out"), ShardBytes = 1000 }).Id);
        Assert.NotEqual(plan.Id, ShardPlanner.Plan(new CorpusJobSpec { Command = "normalize", Inputs = [path], OutputFolder = _dir.File("out"), ShardBytes = 1000, Arguments = ["--profile", "aggressive"] }).Id);
    }

    [Fact]
    public void CountingLinesGivesTheSameCutsAndEachShardsFirstLine()
    {
        string path = _dir.File("n.txt");
        File.WriteAllText(path, s_lines);
        var spec = new CorpusJobSpec { Command = "segment", Inputs = [path], OutputFolder = _dir.File("out"), ShardBytes = 900 };
        var plain = ShardPlanner.Plan(spec);
        var counted = ShardPlanner.Plan(spec with { CountLines = true });
        Assert.Equal(plain.Shards.Select(s => (s.Start, s.Length)), counted.Shards.Select(s => (s.Start, s.Length)));
        var bytes = File.ReadAllBytes(path);
        foreach (var s in counted.Shards)
            Assert.Equal(1 + bytes.AsSpan(0, (int)s.Start).Count((byte)'\n'), s.StartLine);
        Assert.All(plain.Shards, s => Assert.Equal(0, s.StartLine));
    }

    [Fact]
    public void GzipFilesAreOneShardAndEmptyFilesStillGetAnOutput()
    {
        string gz = _dir.File("b.txt.gz");
        using (var f = File.Create(gz))
        using (var z = new GZipStream(f, CompressionLevel.Fastest))
            z.Write(Encoding.UTF8.GetBytes(s_lines));
        string empty = _dir.File("c.txt");
        File.WriteAllText(empty, "");
        var plan = ShardPlanner.Plan(new CorpusJobSpec { Command = "normalize", Inputs = [gz, empty], OutputFolder = _dir.File("out"), ShardBytes = 100 });
        Assert.Equal(2, plan.Shards.Count);
        Assert.True(plan.Shards[0].Gzip);
        Assert.EndsWith("out/b.txt", plan.Files[0].Output);
        Assert.Equal(0, plan.Shards[1].Length);
    }

    [Fact]
    public void PlanningRefusesMissingInputsAndClashingOutputs()
    {
        Assert.Contains("no such file", Assert.Throws<ClusterJobException>(() => ShardPlanner.Plan(new CorpusJobSpec { Command = "normalize", Inputs = [_dir.File("none.txt")], OutputFolder = _dir.Path })).Message);
        Directory.CreateDirectory(_dir.File("x"));
        Directory.CreateDirectory(_dir.File("y"));
        File.WriteAllText(_dir.File("x/a.txt"), "1\n");
        File.WriteAllText(_dir.File("y/a.txt"), "2\n");
        var clash = Assert.Throws<ClusterJobException>(() => ShardPlanner.Plan(new CorpusJobSpec { Command = "normalize", Inputs = [_dir.File("x/a.txt"), _dir.File("y/a.txt")], OutputFolder = _dir.File("out") }));
        Assert.Contains("give inputs distinct names", clash.Message);
        var self = Assert.Throws<ClusterJobException>(() => ShardPlanner.Plan(new CorpusJobSpec { Command = "normalize", Inputs = [_dir.File("x/a.txt")], OutputFolder = _dir.File("x") }));
        Assert.Contains("holds the input itself", self.Message);
    }

    [Fact]
    public void PartsRunInAnyOrderAssembleToTheWholeFileAnswer()
    {
        string path = _dir.File("d.txt");
        File.WriteAllText(path, s_lines);
        var plan = ShardPlanner.Plan(new CorpusJobSpec { Command = "normalize", Inputs = [path], OutputFolder = _dir.File("out"), ShardBytes = 700 });
        var folder = new JobFolder(plan);
        folder.Create();
        var processor = new LineNormalizer();
        Assert.False(folder.Assemble(0)); // nothing yet
        foreach (var s in plan.Shards.Reverse())
            folder.RunShard(s, processor, default);
        folder.RunShard(plan.Shards[1], processor, default); // a rerun changes nothing
        Assert.True(folder.Assemble(0));
        Assert.Equal(processor.Apply(s_lines), File.ReadAllText(plan.Files[0].Output));
        Assert.Contains("ಮಂತ್ರಿ ದುಃಖ", File.ReadAllText(plan.Files[0].Output)); // it really normalized
        Assert.Empty(Directory.GetFiles(folder.Path, "part-*"));
        Assert.True(folder.Assemble(0)); // again: already done
    }
}
