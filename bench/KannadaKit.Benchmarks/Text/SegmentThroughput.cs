using System.Diagnostics;
using System.Globalization;
using System.Text;
using KannadaKit.Testing;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.Benchmarks.Text;

/// <summary>
/// Quick throughput runner for segmentation: MB/s (10^6 UTF-8 bytes of input per second), single thread, on the 5 MB
/// corpus, next to .NET's text-element (grapheme) enumeration, which is the nearest built-in and splits conjuncts.
/// </summary>
internal static class SegmentThroughput
{
    public static int Run()
    {
        if (SharedData.SkipReasonFor(Corpora.Wiki5MB) is { } missing)
        {
            Console.Error.WriteLine("skipped: " + missing);
            return 0;
        }

        string text = File.ReadAllText(SharedData.PathOf(Corpora.Wiki5MB));
        double mb = Encoding.UTF8.GetByteCount(text) / 1e6;
        Console.WriteLine($"segmentation, single thread, {mb:F2} MB Kannada Wikipedia:");
        double graphemes = Measure(() => GraphemeCount(text), mb, out int g);
        Console.WriteLine($"  {".NET StringInfo text elements",-34} {graphemes,8:F0} MB/s  ({g:N0} units)");
        double aksharas = Measure(() => Aksharas.Count(text), mb, out int a);
        Console.WriteLine($"  {"aksharas",-34} {aksharas,8:F0} MB/s  ({a:N0} units)  {aksharas / graphemes:F1}x");
        Console.WriteLine("  indic_nlp orthographic_syllabify (reference sheet): 0.05 MB/s");
        double words = Measure(() => WordTokenizer.Default.Count(text), mb, out int w);
        Console.WriteLine($"  {"words (with offsets)",-34} {words,8:F0} MB/s  ({w:N0} tokens)");
        Console.WriteLine("  indic_nlp trivial_tokenize (reference sheet): 23.1 MB/s");
        double sentences = Measure(() => SentenceSplitter.Default.Count(text), mb, out int n);
        Console.WriteLine($"  {"sentences",-34} {sentences,8:F0} MB/s  ({n:N0} sentences)");
        Console.WriteLine("  indic_nlp sentence_split (reference sheet): 27.2 MB/s");
        return 0;
    }

    private static int GraphemeCount(string text)
    {
        int n = 0;
        for (int i = 0; i < text.Length; i += StringInfo.GetNextTextElementLength(text.AsSpan(i)))
        {
            n++;
        }

        return n;
    }

    private static double Measure(Func<int> action, double mb, out int result)
    {
        result = action();
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 5 || (total.Elapsed.TotalSeconds < 2 && times.Count < 30))
        {
            var sw = Stopwatch.StartNew();
            result = action();
            times.Add(sw.Elapsed.TotalSeconds);
        }

        times.Sort();
        return mb / times[times.Count / 2];
    }
}
