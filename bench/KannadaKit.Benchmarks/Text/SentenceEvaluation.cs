using KannadaKit.Testing;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.Benchmarks.Text;

/// <summary>Prints sentence-boundary precision, recall and F1 on the 5 MB corpus, 5 lines per paragraph.</summary>
internal static class SentenceEvaluation
{
    public static int Run(bool showErrors)
    {
        if (SharedData.SkipReasonFor(Corpora.Wiki5MB) is { } missing)
        {
            Console.Error.WriteLine("skipped: " + missing);
            return 0;
        }

        var lines = Corpora.ReadLines(Corpora.Wiki5MB);
        var r = SentenceBoundaryEval.Run(lines, p => SentenceSplitter.Default.Split(p).Select(s => s.End));
        Console.WriteLine($"sentence boundaries, {Corpora.Wiki5MB}, 5 lines joined per paragraph:");
        Console.WriteLine($"  all line breaks:        P {r.Precision:F4}  R {r.Recall:F4}  F1 {r.F1:F4}  (tp {r.TruePositives}, fp {r.FalsePositives}, fn {r.FalseNegatives})");
        Console.WriteLine($"  terminator-marked only: P {r.Precision:F4}  R {r.MarkedRecall:F4}  F1 {r.MarkedF1:F4}  ({r.MarkedFound} of {r.MarkedGold})");
        if (showErrors)
        {
            foreach (var e in r.FalsePositiveExamples)
            {
                Console.WriteLine("  FP: " + e.Replace('\n', ' '));
            }
        }

        return 0;
    }
}
