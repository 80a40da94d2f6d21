using System.IO.Compression;
using System.Text.Json;
using KannadaKit.Text.IO;

namespace KannadaKit.Cluster.Jobs;

/// <summary>
/// A job's working files beside its outputs (<c>OUT/.kannadakit-job-ID/</c>): each finished shard as a part file,
/// renamed into place only when complete (so a part that exists is done, whoever wrote it and whenever the cluster
/// was restarted), and a <c>done</c> mark when every output is assembled. Outputs are assembled from their parts in
/// order into a temporary file and renamed over the output, so a reader sees no output or the whole of it.
/// </summary>
public sealed class JobFolder
{
    private readonly JobPlan _plan;

    /// <summary>The folder of <paramref name="plan"/>'s job.</summary>
    public JobFolder(JobPlan plan)
    {
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        Path = System.IO.Path.Combine(System.IO.Path.GetFullPath(plan.Spec.OutputFolder), ".kannadakit-job-" + plan.Id);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    private string PartPath(ShardSpec s) => System.IO.Path.Combine(Path, $"part-{s.Index:D6}");

    private string DonePath => System.IO.Path.Combine(Path, "done");

    /// <summary>Whether every output was assembled (the job is finished).</summary>
    public bool IsDone => File.Exists(DonePath);

    /// <summary>Whether shard <paramref name="shard"/>'s part is written (or its file already assembled).</summary>
    public bool IsShardDone(ShardSpec shard) => File.Exists(PartPath(shard)) || IsAssembled(shard.File);

    /// <summary>Whether file <paramref name="file"/>'s output is assembled.</summary>
    public bool IsAssembled(int file) => File.Exists(System.IO.Path.Combine(Path, $"file-{file:D6}.done"));

    /// <summary>Creates the folder and records the plan (for people looking at a stuck job).</summary>
    public void Create()
    {
        Directory.CreateDirectory(Path);
        string plan = System.IO.Path.Combine(Path, "plan.json");
        if (!File.Exists(plan))
            AtomicFile.Write(plan, s => JsonSerializer.Serialize(s, new { _plan.Id, _plan.Spec.Command, _plan.Spec.Arguments, Files = _plan.Files.Select(f => new { f.Input, f.Output, f.Parts }) }));
    }

    /// <summary>Runs <paramref name="processor"/> over <paramref name="shard"/> and renames its part into place.
    /// Safe to run twice (a re-leased shard whose first worker was only slow): the second rename replaces the
    /// first with the same bytes.</summary>
    public void RunShard(ShardSpec shard, IShardProcessor processor, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(processor);
        var file = _plan.Files[shard.File];
        Directory.CreateDirectory(Path);
        Stream Open()
        {
            var raw = new FileStream(file.Input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            long length = raw.Length;
            if (length != file.Length)
            {
                raw.Dispose();
                throw new ClusterJobException($"{file.Input}: changed while the job ran ({length:N0} bytes, planned {file.Length:N0}); run the job again");
            }

            return shard.Gzip ? new GZipStream(raw, CompressionMode.Decompress) : new BoundedStream(raw, shard.Start, shard.Length);
        }

        AtomicFile.Write(PartPath(shard), output =>
        {
            using var input = Open();
            processor.Process(input, output, new ShardContext(file.Input, shard.Start, shard.Part == 0, Open, shard.StartLine > 0 ? shard.StartLine : null), _plan.Spec.Arguments, cancel);
        });
    }

    /// <summary>Concatenates file <paramref name="file"/>'s parts in order into its output (temporary file, then
    /// rename), marks it assembled and removes the parts. Returns false when a part is missing.</summary>
    public bool Assemble(int file)
    {
        if (IsAssembled(file))
            return true;
        var parts = _plan.ShardsOf(file).ToList();
        if (parts.Any(p => !File.Exists(PartPath(p))))
            return false;
        var plan = _plan.Files[file];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(plan.Output)!);
        AtomicFile.Write(plan.Output, output =>
        {
            foreach (var p in parts)
            {
                using var part = File.OpenRead(PartPath(p));
                part.CopyTo(output);
            }
        });
        AtomicFile.Write(System.IO.Path.Combine(Path, $"file-{file:D6}.done"), _ => { });
        foreach (var p in parts)
            File.Delete(PartPath(p));
        return true;
    }

    /// <summary>Marks the job finished.</summary>
    public void MarkDone() => AtomicFile.Write(DonePath, _ => { });
}
