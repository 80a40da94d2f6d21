using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KannadaKit.Testing;
using KannadaKit.Tokenizers;

namespace KannadaKit.Benchmarks.Tokenizers;

/// <summary>
/// Encode throughput on FLORES dev (MB = 10^6 UTF-8 bytes, no special tokens, warm caches) for each fixture
/// tokenizer, ours next to the Hugging Face library (npm tokenizers, Rust core) run on the same file in the same run.
/// HF is measured three ways: one awaited encode per line, encodeBatch with its thread pool, and encodeBatch with
/// TOKENIZERS_PARALLELISM=false (its single-thread core without per-call overhead); the ratio uses the fastest
/// single-thread HF figure.
/// </summary>
internal static class TokenizerThroughput
{
    private const int Passes = 5;

    public static int Run()
    {
        if (SharedData.SkipReasonFor(Corpora.FloresKn, Corpora.FloresEn) is { } missing)
        {
            Console.Error.WriteLine("skipped: " + missing);
            return 0;
        }

        var fixtures = Path.Combine(SharedData.RepoRoot, "tests", "KannadaKit.Tokenizers.Tests", "Fixtures");
        var hfScript = Path.Combine(SharedData.RepoRoot, "tools", "tokenizer-fixtures", "hf-bench.js");
        var hfReady = Directory.Exists(Path.Combine(SharedData.RepoRoot, "tools", "tokenizer-fixtures", "node_modules", "tokenizers"));
        Console.WriteLine($"tokenizer encode throughput, FLORES dev, {Passes} passes, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        if (!hfReady)
        {
            Console.WriteLine("  (HF columns empty: run `npm ci` in tools/tokenizer-fixtures to install the reference library)");
        }

        Console.WriteLine($"  {"tokenizer",-20} {"text",-3} {"ours 1 thread",14} {"ours batch",11} {"HF encode",10} {"HF batch 1T",12} {"HF batch",9} {"ours/HF 1T",11}");
        foreach (var (name, file) in new[]
        {
            ("bytelevel-bpe", "hf/bytelevel-bpe.json"), ("bpe-bytefallback", "hf/bpe-bytefallback.json"),
            ("unigram-metaspace", "hf/unigram-metaspace.json"), ("wordpiece-bert", "hf/wordpiece-bert.json"),
            ("spm-unigram", "spm/spm-unigram.model"), ("spm-bpe", "spm/spm-bpe.model"),
        })
        {
            var path = Path.Combine(fixtures, file);
            foreach (var (lang, corpus) in new[] { ("kn", Corpora.FloresKn), ("en", Corpora.FloresEn) })
            {
                var textPath = SharedData.PathOf(corpus);
                var lines = File.ReadAllLines(textPath);
                var mb = Encoding.UTF8.GetByteCount(string.Join('\n', lines)) / 1e6;
                var tokenizer = TokenizerFile.Load(path);
                var single = Measure(() =>
                {
                    var ids = new List<int>();
                    foreach (var l in lines)
                    {
                        ids.Clear();
                        tokenizer.EncodeToIds(l, ids, addSpecialTokens: false);
                    }
                }, mb);
                var batch = Measure(() => tokenizer.EncodeBatchToIds(lines, addSpecialTokens: false), mb);
                string hfEncode = "-", hfBatch1 = "-", hfBatch = "-", ratio = "-";
                if (hfReady && file.EndsWith(".json", StringComparison.Ordinal))
                {
                    var parallel = RunHf(hfScript, path, textPath, singleThread: false);
                    var serial = RunHf(hfScript, path, textPath, singleThread: true);
                    if (parallel is not null && serial is not null)
                    {
                        hfEncode = $"{serial.Value.Sequential:F2}";
                        hfBatch1 = $"{serial.Value.Batch:F2}";
                        hfBatch = $"{parallel.Value.Batch:F2}";
                        ratio = $"{single / Math.Max(serial.Value.Sequential, serial.Value.Batch):F1}x";
                    }
                }

                Console.WriteLine($"  {name,-20} {lang,-3} {single,14:F2} {batch,11:F2} {hfEncode,10} {hfBatch1,12} {hfBatch,9} {ratio,11}");
            }
        }

        Console.WriteLine("  (MB/s; HF single-thread on Kannada with the Llama-3 tokenizer, reference sheet: 2.0-3.7 MB/s)");
        return 0;
    }

    internal static double Measure(Action encodeAll, double mb)
    {
        encodeAll(); // warm-up: JIT and caches, as the HF runner warms up too
        var sw = Stopwatch.StartNew();
        for (var p = 0; p < Passes; p++)
        {
            encodeAll();
        }

        return mb * Passes / sw.Elapsed.TotalSeconds;
    }

    private static (double Sequential, double Batch)? RunHf(string script, string tokenizer, string text, bool singleThread)
    {
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(tokenizer);
        psi.ArgumentList.Add(text);
        psi.ArgumentList.Add(Passes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (singleThread)
        {
            psi.Environment["TOKENIZERS_PARALLELISM"] = "false";
            psi.Environment["RAYON_NUM_THREADS"] = "1";
        }

        try
        {
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                return null;
            }

            using var doc = JsonDocument.Parse(output);
            return (doc.RootElement.GetProperty("sequential_mb_s").GetDouble(), doc.RootElement.GetProperty("batch_mb_s").GetDouble());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
