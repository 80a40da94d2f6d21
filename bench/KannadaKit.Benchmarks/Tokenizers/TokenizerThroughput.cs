using System.Diagnostics;
using System.Text;
using KannadaKit.Testing;
using KannadaKit.Tokenizers;

namespace KannadaKit.Benchmarks.Tokenizers;

/// <summary>
/// Encode throughput on text the instance has never seen: for every measurement a fresh instance (built outside the
/// clock) encodes each line once, no special tokens. Single thread, and batch (the lines spread over every core).
/// Ours next to Hugging Face's Rust library (Tokenizers.DotNet) and Microsoft.ML.Tokenizers, on the same files in the
/// same run, with id parity against ours per line. MB = 10^6 UTF-8 bytes; B/byte = managed bytes allocated per input
/// byte on one thread (native allocations of the Rust library are not seen).
/// </summary>
internal static class TokenizerThroughput
{
    private const int Passes = 5;

    public static int Run(string[] args)
    {
        if (SharedData.SkipReasonFor(Corpora.FloresKn, Corpora.FloresEn) is { } missing)
        {
            Console.Error.WriteLine("skipped: " + missing);
            return 0;
        }
        var quick = args.Contains("--quick");
        var fixtures = Path.Combine(SharedData.RepoRoot, "tests", "KannadaKit.Tokenizers.Tests", "Fixtures");
        var packages = Path.Combine(SharedData.RepoRoot, "tools", "tokenizer-fixtures", "node_modules", "@lenml");
        var files = new List<(string Name, string Path)>();
        foreach (var model in new[] { "llama3", "gemma", "gemma3" })
        {
            var file = Path.Combine(packages, "tokenizer-" + model, "models", "tokenizer.json");
            if (File.Exists(file))
            {
                files.Add((model, file));
            }
        }
        if (files.Count == 0)
        {
            Console.WriteLine("  (Llama-3/Gemma rows missing: run `npm ci` in tools/tokenizer-fixtures)");
        }
        files.Add(("wordpiece (fixture)", Path.Combine(fixtures, "hf", "wordpiece-bert.json")));
        files.Add(("bytelevel-bpe (fixture)", Path.Combine(fixtures, "hf", "bytelevel-bpe.json")));
        files.Add(("spm-unigram .model", Path.Combine(fixtures, "spm", "spm-unigram.model")));
        using var scratch = new TempDirectory();
        files.Add(("o200k_base .tiktoken", O200kRankFile.WriteTo(scratch.Path)));
        var corpora = new List<(string Name, string[] Lines)>
        {
            ("flores kn", File.ReadAllLines(SharedData.PathOf(Corpora.FloresKn))),
            ("flores en", File.ReadAllLines(SharedData.PathOf(Corpora.FloresEn))),
        };
        if (!quick && SharedData.SkipReasonFor(Corpora.Wiki5MB) is null)
        {
            corpora.Add(("wiki 5MB kn", File.ReadAllLines(SharedData.PathOf(Corpora.Wiki5MB))));
        }

        Console.WriteLine($"tokenizer encode, one pass over text each fresh instance has not seen, no special tokens, best of {Passes} fresh instances, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"  {"file",-24} {"text",-11} {"ours 1T",8} {"batch",6} {"B/byte",6} | {"HF Rust 1T",10} {"batch",6} {"ids",5} | {"Microsoft.ML.Tokenizers 1T",-40} {"batch",6} {"B/byte",6} {"ids",5} | {"ours/faster id-identical peer",12}");
        foreach (var (name, path) in files)
        {
            foreach (var (corpusName, lines) in corpora)
            {
                Row(name, path, corpusName, lines);
            }
        }
        Console.WriteLine("  (ids: = when every line's ids equal ours, else how many lines differ; the ratio is over the faster single-thread peer whose ids are identical)");
        return 0;
    }

    private static void Row(string name, string path, string corpusName, string[] lines)
    {
        var mb = lines.Sum(l => Encoding.UTF8.GetByteCount(l) + 1) / 1e6;
        var reference = TokenizerFile.Load(path);
        var expected = lines.Select(l => reference.EncodeToIds(l, addSpecialTokens: false).ToArray()).ToArray();
        // Tokenizers.DotNet's Encode adds the post-processor's special tokens, as the Rust library's default does.
        var expectedWithSpecials = lines.Select(l => reference.EncodeToIds(l, addSpecialTokens: true).ToArray()).ToArray();

        PeerTokenizers.Encoder Ours()
        {
            var t = TokenizerFile.Load(path);
            var buffer = new List<int>();
            return line =>
            {
                buffer.Clear();
                t.EncodeToIds(line.AsSpan(), buffer, addSpecialTokens: false);
                return [];
            };
        }
        var (ours, oursAlloc) = Measure(Ours, lines, mb);
        var oursBatch = MeasureBatch(Ours, lines, mb);

        string hf1 = "-", hfBatch = "-", hfIds = "-";
        double? best = null;
        if (PeerTokenizers.HfRust(path) is { } hfCreate)
        {
            var (speed, _) = Measure(hfCreate, lines, mb);
            hf1 = $"{speed:F2}";
            hfBatch = $"{MeasureBatch(hfCreate, lines, mb):F2}";
            var differing = Differing(hfCreate(), lines, expectedWithSpecials);
            hfIds = differing == 0 ? "=" : differing.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (differing == 0)
            {
                best = speed;
            }
        }
        var ml = new List<string>();
        string mlBatch = "-", mlAlloc = "-", mlIds = "-";
        foreach (var (mlName, create) in PeerTokenizers.MlTokenizers(path))
        {
            var (speed, alloc) = Measure(create, lines, mb);
            var differing = Differing(create(), lines, expected);
            ml.Add($"{speed:F2} {mlName}");
            if (mlBatch == "-")
            {
                mlBatch = $"{MeasureBatch(create, lines, mb):F2}";
                mlAlloc = $"{alloc:F1}";
            }
            mlIds = mlIds == "-" ? (differing == 0 ? "=" : $"{differing}") : mlIds + "/" + (differing == 0 ? "=" : $"{differing}");
            if (differing == 0)
            {
                best = Math.Max(best ?? 0, speed);
            }
        }
        var ratio = best is { } b ? $"{ours / b:F2}x" : "no peer id-identical";
        Console.WriteLine($"  {name,-24} {corpusName,-11} {ours,8:F2} {oursBatch,6:F2} {oursAlloc,6:F1} | {hf1,10} {hfBatch,6} {hfIds,5} | {string.Join(", ", ml),-40} {mlBatch,6} {mlAlloc,6} {mlIds,5} | {ratio,12}");
    }

    private static int Differing(PeerTokenizers.Encoder encoder, string[] lines, int[][] expected)
    {
        var n = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            n += encoder(lines[i]).AsSpan().SequenceEqual(expected[i]) ? 0 : 1;
        }
        return n;
    }

    /// <summary>MB/s of one pass on one thread, best over fresh instances, and managed bytes allocated per input byte.</summary>
    private static (double MBps, double BytesPerByte) Measure(Func<PeerTokenizers.Encoder> create, string[] lines, double mb)
    {
        var best = 0.0;
        var alloc = double.MaxValue;
        for (var pass = 0; pass < Passes; pass++)
        {
            var encoder = create();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            foreach (var line in lines)
            {
                encoder(line);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            alloc = Math.Min(alloc, (GC.GetAllocatedBytesForCurrentThread() - before) / (mb * 1e6));
            best = Math.Max(best, mb / seconds);
        }
        return (best, alloc);
    }

    /// <summary>MB/s of one pass with the lines spread over every core, best over fresh instances.</summary>
    private static double MeasureBatch(Func<PeerTokenizers.Encoder> create, string[] lines, double mb)
    {
        var best = 0.0;
        for (var pass = 0; pass < Passes; pass++)
        {
            var encoder = create();
            var clock = Stopwatch.StartNew();
            Parallel.For(0, lines.Length, i => encoder(lines[i]));
            best = Math.Max(best, mb / clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
