using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KannadaKit.Cluster.Jobs;

/// <summary>
/// Cuts a job's inputs into shards: plain files into byte ranges of about <see cref="CorpusJobSpec.ShardBytes"/>
/// that end just after a newline (so every shard is whole lines, as the one-machine commands' own chunks are),
/// gzip files whole (a gzip stream cannot be entered in the middle). Only the bytes near each cut are read.
/// </summary>
public static class ShardPlanner
{
    /// <summary>Plans <paramref name="spec"/>.</summary>
    /// <exception cref="ClusterJobException">An input is missing or two inputs would write the same output.</exception>
    public static JobPlan Plan(CorpusJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Inputs.Count == 0)
            throw new ClusterJobException("no input files");
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.ShardBytes, 1);
        var files = new List<FilePlan>();
        var shards = new List<ShardSpec>();
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        string outDir = Path.GetFullPath(spec.OutputFolder);
        for (int f = 0; f < spec.Inputs.Count; f++)
        {
            string input = Path.GetFullPath(spec.Inputs[f]);
            var info = new FileInfo(input);
            if (!info.Exists)
                throw new ClusterJobException($"{spec.Inputs[f]}: no such file");
            string name = Path.GetFileName(input);
            bool gzip = IsGzip(input);
            if (gzip && name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                name = name[..^3];
            string output = Path.Combine(outDir, name);
            if (outputs.TryGetValue(output, out var other))
                throw new ClusterJobException($"{spec.Inputs[f]}: would write {output}, as {other} does; give inputs distinct names");
            if (string.Equals(output, input, StringComparison.Ordinal))
                throw new ClusterJobException($"{spec.Inputs[f]}: the output folder holds the input itself; choose another --out");
            outputs[output] = spec.Inputs[f];

            List<(long Byte, long Line)> cuts = gzip ? [(0, 1), (info.Length, 0)]
                : spec.CountLines ? CountedCuts(input, info.Length, spec.ShardBytes)
                : [.. Cuts(input, info.Length, spec.ShardBytes).Select(c => (c, 0L))];
            for (int p = 0; p + 1 < cuts.Count; p++)
                shards.Add(new ShardSpec(shards.Count, f, p, cuts[p].Byte, cuts[p + 1].Byte - cuts[p].Byte, gzip, spec.CountLines ? cuts[p].Line : 0));
            files.Add(new FilePlan(input, output, cuts.Count - 1, info.Length, info.LastWriteTimeUtc));
        }

        return new JobPlan(Id(spec, files), spec, files, shards);
    }

    // 0, then the first byte after the first newline at or past each multiple of the shard size, then the length;
    // an empty file is one empty shard, so it still gets its (empty) output.
    private static List<long> Cuts(string path, long length, long shardBytes)
    {
        var cuts = new List<long> { 0 };
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        var buffer = new byte[64 * 1024];
        long target = shardBytes;
        while (target < length)
        {
            long next = NextLineStart(stream, target, length, buffer);
            if (next >= length)
                break;
            cuts.Add(next);
            target = next + shardBytes;
        }

        cuts.Add(length);
        return cuts;
    }

    // The same cuts, found by reading the whole file, with the number of the line each starts.
    private static List<(long Byte, long Line)> CountedCuts(string path, long length, long shardBytes)
    {
        var cuts = new List<(long, long)> { (0, 1) };
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long pos = 0, line = 1, target = shardBytes;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, n);
            int at = 0;
            while (at < n)
            {
                int nl = span[at..].IndexOf((byte)'\n');
                if (nl < 0)
                    break;
                long next = pos + at + nl + 1;
                line++;
                at += nl + 1;
                if (next >= target && next < length)
                {
                    cuts.Add((next, line));
                    target = next + shardBytes;
                }
            }

            pos += n;
        }

        cuts.Add((length, 0));
        return cuts;
    }

    private static long NextLineStart(FileStream stream, long from, long length, byte[] buffer)
    {
        stream.Position = from - 1; // a cut right after a newline that ends exactly at the target
        long pos = from - 1;
        while (pos < length)
        {
            int n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, length - pos));
            if (n == 0)
                break;
            int nl = Array.IndexOf(buffer, (byte)'\n', 0, n);
            if (nl >= 0)
                return pos + nl + 1;
            pos += n;
        }

        return length;
    }

    private static bool IsGzip(string path)
    {
        using var s = File.OpenRead(path);
        return s.ReadByte() == 0x1f && s.ReadByte() == 0x8b;
    }

    // The id names what the job does to which bytes: same command, options, files (by path, size and time) and
    // output folder → same id, so `cluster run` again reattaches to the job instead of starting another.
    private static string Id(CorpusJobSpec spec, List<FilePlan> files)
    {
        var b = new StringBuilder();
        b.Append(spec.Command).Append('\n').Append(Path.GetFullPath(spec.OutputFolder)).Append('\n');
        foreach (var a in spec.Arguments)
            b.Append("arg ").Append(a).Append('\n');
        b.Append(spec.ShardBytes.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var f in files)
            b.Append(f.Input).Append('\t').Append(f.Length.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(f.LastWriteUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return spec.Command + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(b.ToString())))[..16];
    }
}
