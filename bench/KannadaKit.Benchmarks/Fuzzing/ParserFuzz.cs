using KannadaKit.Testing.Fuzzing;

namespace KannadaKit.Benchmarks.Fuzzing;

/// <summary>
/// The long fuzzing run: 100,000 mutated inputs (or --count N) through each parser that reads user files —
/// tokenizer.json, SentencePiece .model, .kkrm, chat templates. Every input must load or be refused with the
/// parser's typed error, within the time limit; the tests run a quick share of the same targets.
/// </summary>
internal static class ParserFuzz
{
    public static int Run(string[] args)
    {
        var count = 100_000;
        var at = Array.IndexOf(args, "--count");
        if (at >= 0 && (at + 1 >= args.Length || !int.TryParse(args[at + 1], out count) || count <= 0))
        {
            Console.Error.WriteLine("bench fuzz: --count takes a positive number");
            return 2;
        }

        FuzzTarget[] targets = [new TokenizerFileFuzzTarget(), new SentencePieceFuzzTarget(), new RomanizedModelFuzzTarget(), new ChatTemplateFuzzTarget()];
        var replay = Array.IndexOf(args, "--replay");
        if (replay >= 0 && replay + 1 < args.Length)
        {
            // A saved failure (its file name starts with the target's name): run it once and show the whole exception.
            var file = args[replay + 1];
            var target = targets.FirstOrDefault(t => Path.GetFileName(file).StartsWith(t.Name + "-", StringComparison.Ordinal));
            if (target is null)
            {
                Console.Error.WriteLine($"bench fuzz: {file}: the name does not start with a target name ({string.Join(", ", targets.Select(t => t.Name))})");
                return 2;
            }

            try
            {
                target.Run(File.ReadAllBytes(file));
                Console.WriteLine("loaded");
            }
            catch (Exception e)
            {
                Console.WriteLine((target.IsExpected(e) ? "refused: " : "FAILED: ") + e);
            }

            return 0;
        }

        var failed = 0;
        foreach (var target in targets)
        {
            Console.Error.Write($"{target.Name} ({target.Seeds.Count} seeds): ");
            var report = Fuzzer.Run(target, count, seed: 1, n => Console.Error.Write(n % 10_000 == 0 ? $"{n / 1000}k " : ""));
            Console.Error.WriteLine();
            Console.WriteLine(report);
            foreach (var failure in report.Failures)
            {
                Console.WriteLine("  " + failure.Split('\n')[0]);
            }

            failed += report.Failures.Count;
        }

        Console.WriteLine(failed == 0 ? "no failures" : $"{failed} failures; inputs saved in {Fuzzer.FailureDirectory}");
        return failed == 0 ? 0 : 1;
    }
}
