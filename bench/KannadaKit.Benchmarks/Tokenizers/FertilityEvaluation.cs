using System.Diagnostics;
using System.Text;
using KannadaKit.Testing;
using KannadaKit.Tokenizers;
using KannadaKit.Tokenizers.Training;

namespace KannadaKit.Benchmarks.Tokenizers;

/// <summary>
/// Our Kannada tokenizer's fertility: each trainer configuration learns a 32k vocabulary from the 5 MB corpus and is
/// measured on FLORES kan_Knda.dev as it is (tokens per white-space word, no special tokens), next to SentencePiece
/// trained on the same corpus at the same size when spm_train is installed.
/// </summary>
internal static class FertilityEvaluation
{
    private const int VocabSize = 32_000;

    public static int Run()
    {
        if (SharedData.SkipReasonFor(Corpora.Wiki5MB, Corpora.FloresKn) is { } missing)
        {
            Console.Error.WriteLine("skipped: " + missing);
            return 0;
        }

        var corpus = File.ReadAllLines(SharedData.PathOf(Corpora.Wiki5MB));
        var floresPath = SharedData.PathOf(Corpora.FloresKn);
        var flores = File.ReadAllLines(floresPath);
        var mb = Encoding.UTF8.GetByteCount(string.Join('\n', flores)) / 1e6;
        Console.WriteLine($"fertility: {VocabSize:N0} vocabulary trained on {Path.GetFileName(SharedData.PathOf(Corpora.Wiki5MB))}, measured on FLORES kan_Knda.dev ({flores.Length:N0} lines), .NET {Environment.Version}");
        Console.WriteLine($"  {"configuration",-60} {"tok/word",8} {"chars/tok",9} {"akshara split",13} {"train s",7} {"MB/s 1T",7}");
        var merges = new TrainerOptions { Kind = TokenizerKind.ByteLevelBpe, VocabSize = VocabSize };
        var best = merges with { SuperwordShare = 0.1, Segmentation = TokenSegmentation.Shortest };
        foreach (var (name, options) in new (string, TrainerOptions)[]
        {
            ("bytelevel-bpe --no-prefix-space", merges with { PrefixSpace = false }),
            ("bytelevel-bpe", merges),
            ("bytelevel-bpe --superword-share 0.1", merges with { SuperwordShare = 0.1 }),
            ("bytelevel-bpe --segmentation shortest", merges with { Segmentation = TokenSegmentation.Shortest }),
            ("bytelevel-bpe --superword-share 0.1 --segmentation shortest", best),
            ("  the same, --collapse-whitespace (lossy)", best with { CollapseWhitespace = true }),
            ("bpe (characters + byte fallback)", new TrainerOptions { Kind = TokenizerKind.Bpe, VocabSize = VocabSize }),
            ("unigram", new TrainerOptions { Kind = TokenizerKind.Unigram, VocabSize = VocabSize }),
            ("wordpiece", new TrainerOptions { Kind = TokenizerKind.WordPiece, VocabSize = VocabSize }),
        })
        {
            var sw = Stopwatch.StartNew();
            var json = TokenizerTrainer.Train(corpus, options);
            var tokenizer = HfTokenizer.FromJson(json, name);
            var seconds = sw.Elapsed.TotalSeconds;
            var stats = new TokenizerStatistics();
            foreach (var line in flores)
            {
                stats.Add(tokenizer, line);
            }

            var speed = Throughput(HfTokenizer.FromJson(json, name), flores, mb);
            Console.WriteLine($"  {name,-60} {stats.TokensPerWord,8:F3} {stats.CharactersPerToken,9:F2} {stats.SplitAksharaRate,12:P2} {seconds,7:F1} {speed,7:F1}");
        }

        foreach (var type in new[] { "bpe", "unigram" })
        {
            var spm = SentencePiece(type, SharedData.PathOf(Corpora.Wiki5MB), floresPath);
            var words = flores.Sum(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
            Console.WriteLine($"  {"SentencePiece " + type + " (spm_train defaults)",-60} {(spm is { } n ? $"{(double)n / words:F3}" : "-"),8}");
        }

        Console.WriteLine("  (published, same measure on FLORES dev+devtest: MuRIL 1.82, BLOOM 2.2, XLM-R 2.6, mT5 3.00, o200k 3.27)");
        return 0;
    }

    /// <summary>One pass over lines a fresh instance has not seen (its cache starts empty), one thread.</summary>
    private static double Throughput(Tokenizer fresh, string[] lines, double mb)
    {
        var ids = new List<int>();
        var clock = Stopwatch.StartNew();
        foreach (var l in lines)
        {
            ids.Clear();
            fresh.EncodeToIds(l, ids, addSpecialTokens: false);
        }
        return mb / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Token count of spm_encode on <paramref name="test"/> after spm_train on <paramref name="train"/>, or null.</summary>
    private static long? SentencePiece(string type, string train, string test)
    {
        var dir = Directory.CreateTempSubdirectory("kk-spm-").FullName;
        try
        {
            var prefix = Path.Combine(dir, "m");
            if (Tool("spm_train", $"--input={train}", $"--model_prefix={prefix}", $"--vocab_size={VocabSize}",
                    $"--model_type={type}", "--character_coverage=0.9999", "--minloglevel=2") is null)
            {
                return null;
            }

            return Tool("spm_encode", $"--model={prefix}.model", test)?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).LongLength;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string? Tool(string name, params string[] args)
    {
        var psi = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(psi)!;
            var errors = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            _ = errors.Result;
            return p.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
