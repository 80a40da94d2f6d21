using System.Diagnostics;
using System.Text;
using KannadaKit.Testing;
using KannadaKit.Text.Normalization;

namespace KannadaKit.Benchmarks.Text;

/// <summary>
/// Quick throughput runner for the normalizer: MB/s (10^6 UTF-8 bytes of input per second) per profile, single thread,
/// in memory, next to .NET's own string.Normalize(FormC) as the floor; then the CLI file → file on all cores.
/// </summary>
internal static class NormalizeThroughput
{
    private const string Corpus = Corpora.Wiki5MB;

    public static int Run(string[] args)
    {
        string? path = SharedData.Has(Corpus) ? SharedData.PathOf(Corpus) : null;
        if (path is null)
        {
            Console.Error.WriteLine($"skipped: ../shared/{Corpus} not found (the benchmark needs the shared corpus)");
            return 0;
        }

        string text = File.ReadAllText(path);
        double mb = Encoding.UTF8.GetByteCount(text) / 1e6;
        string[] lines = text.TrimEnd('\n').Split('\n');
        Console.WriteLine($"corpus: {Corpus} ({mb:F2} MB, {lines.Length:N0} lines), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("in memory, single thread, per line (as indic_nlp's normalize() is called):");
        Console.WriteLine($"  {"what",-34} {"MB/s",8} {"vs NFC",8}");
        double floor = Measure(() =>
        {
            foreach (var l in lines)
            {
                _ = l.Normalize(NormalizationForm.FormC);
            }
        }, mb);
        Print(".NET string.Normalize(FormC)", floor, floor);
        foreach (var profile in new[] { NormalizationProfile.Default, NormalizationProfile.Aggressive, NormalizationProfile.IndicNlp })
        {
            var normalizer = IndicNormalizer.Create(profile);
            double perLine = Measure(() =>
            {
                foreach (var l in lines)
                {
                    _ = normalizer.Normalize(l);
                }
            }, mb);
            Print($"{NormalizationRules.NameOf(profile)} (per line)", perLine, floor);
            var buffer = new System.Buffers.ArrayBufferWriter<char>(text.Length + 1024);
            double whole = Measure(() =>
            {
                buffer.ResetWrittenCount();
                normalizer.Normalize(text, buffer);
            }, mb);
            Print($"{NormalizationRules.NameOf(profile)} (whole text, buffer)", whole, floor);
        }

        Console.WriteLine("  indic_nlp 0.92 (reference sheet, same class of machine): CLI 16–29 MB/s, normalize() per line 49.8 MB/s");
        int cli = Array.IndexOf(args, "--cli");
        if (cli >= 0 && cli + 1 < args.Length)
        {
            return CliThroughput.Run(args[cli + 1], path);
        }

        return 0;
    }

    private static double Measure(Action action, double mb)
    {
        action(); // warm-up: JIT, tables
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 5 || (total.Elapsed.TotalSeconds < 3 && times.Count < 50))
        {
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalSeconds);
        }

        times.Sort();
        return mb / times[times.Count / 2]; // median
    }

    private static void Print(string what, double mbPerSecond, double floor) =>
        Console.WriteLine($"  {what,-34} {mbPerSecond,8:F0} {mbPerSecond / floor,7:F2}x");
}
