using System.Diagnostics;
using KannadaKit.Testing;
using KannadaKit.Text.Scripts;
using KannadaKit.Text.Transliteration;
using KannadaKit.Text.Transliteration.Romanized;

namespace KannadaKit.Benchmarks.Text;

/// <summary>
/// Romanized input → Kannada: trains on the Dakshina training pairs and the 5 MB word list, then reports dev word
/// accuracy, sentence CER, model size, load time and decoding speed (single thread and all cores), next to ICU's
/// Latin-Kannada transform as the baseline a user has today.
/// </summary>
internal static class RomanizedEvaluation
{
    public static int Run()
    {
        if (SharedData.SkipReasonFor(RomanizedEval.Files) is { } missing)
        {
            Console.Error.WriteLine("skipped: " + missing);
            return 0;
        }

        var sw = Stopwatch.StartNew();
        var model = RomanizedEval.Train();
        double trainS = sw.Elapsed.TotalSeconds;
        var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        sw.Restart();
        model = RomanizedModel.Load(buffer);
        double loadMs = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"romanized → Kannada, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"  model: trained in {trainS:F1} s; {buffer.Length / 1e6:F1} MB; loads in {loadMs:F0} ms; " +
                          $"word list {model.LexiconSize:N0}");

        var dev = RomanizedEval.DevPairs();
        var decoder = new RomanizedDecoder(model);
        var acc = RomanizedEval.WordAccuracy(r => decoder.Decode(r, 5).Select(c => c.Kannada).ToList(), dev);
        using var icu = IcuLatin();
        var icuAcc = RomanizedEval.WordAccuracy(r => [icu.Transliterate(r)], dev);
        Console.WriteLine($"  dev words ({dev.Count:N0} romanizations, {dev.Sum(d => d.Count):N0} with counts):");
        Console.WriteLine("    what                         top-1   top-5   top-1 (counts)  top-5 (counts)");
        Console.WriteLine($"    KannadaKit                   {acc.Top1,5:F3}   {acc.Top5,5:F3}   {acc.WeightedTop1,5:F3}           {acc.WeightedTop5,5:F3}");
        Console.WriteLine($"    ICU Latin-Kannada            {icuAcc.Top1,5:F3}       -   {icuAcc.WeightedTop1,5:F3}               -");
        double cer = RomanizedEval.SentenceCer(decoder.DecodeLine);
        double icuCer = RomanizedEval.SentenceCer(icu.Transliterate);
        Console.WriteLine($"  dev sentences (5,000 lines) character error rate: KannadaKit {cer:F3}, ICU Latin-Kannada {icuCer:F3}");

        var words = dev.Select(d => d.Roman).ToArray();
        foreach (string w in words.Take(500))
            decoder.Decode(w, 5);
        sw.Restart();
        int rounds = 0;
        while (sw.Elapsed.TotalSeconds < 3)
        {
            foreach (string w in words)
                decoder.Decode(w, 5);
            rounds++;
        }
        double single = rounds * words.Length / sw.Elapsed.TotalSeconds;
        sw.Restart();
        rounds = 0;
        while (sw.Elapsed.TotalSeconds < 3)
        {
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, words.Length, 256), range =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                    decoder.Decode(words[i], 5);
            });
            rounds++;
        }
        double all = rounds * words.Length / sw.Elapsed.TotalSeconds;
        Console.WriteLine($"  speed, top-5 per word over the dev words: {single:N0} words/s single thread, {all:N0} words/s on {Environment.ProcessorCount} cores");
        return 0;
    }

    /// <summary>ICU's Latin-Kannada transform reads ISO-style romanization; casual spellings are its weak spot.</summary>
    private static IcuLatin IcuLatin() => new();
}

/// <summary>Wraps ICU's Latin-Kannada transform for the comparison.</summary>
internal sealed class IcuLatin : IDisposable
{
    private readonly KannadaKit.Text.Transliteration.IcuTransform _t = KannadaKit.Text.Transliteration.IcuTransform.Create("Latin-Kannada");

    public string Transliterate(string s) => _t.Transliterate(s);

    public void Dispose()
    {
    }
}
