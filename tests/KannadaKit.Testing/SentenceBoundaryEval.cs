namespace KannadaKit.Testing;

/// <summary>
/// The sentence-boundary evaluation of issue 3: join every 5 lines of a corpus into a paragraph (with a space), split,
/// and compare predicted boundaries with the original line breaks. Shared by the test and the benchmark runner.
/// </summary>
public static class SentenceBoundaryEval
{
    /// <summary>Counts for one evaluation.</summary>
    public sealed record Result(int TruePositives, int FalsePositives, int FalseNegatives, int MarkedGold, int MarkedFound, IReadOnlyList<string> FalsePositiveExamples)
    {
        public double Precision => TruePositives / (double)Math.Max(1, TruePositives + FalsePositives);

        public double Recall => TruePositives / (double)Math.Max(1, TruePositives + FalseNegatives);

        public double F1 => 2 * Precision * Recall / Math.Max(1e-9, Precision + Recall);

        /// <summary>Recall over the gold boundaries whose line ends with a terminator (. ? ! । ॥ and closers).</summary>
        public double MarkedRecall => MarkedFound / (double)Math.Max(1, MarkedGold);

        /// <summary>F1 when only terminator-marked gold boundaries count: what punctuation can tell at all.</summary>
        public double MarkedF1 => 2 * Precision * MarkedRecall / Math.Max(1e-9, Precision + MarkedRecall);
    }

    /// <summary>Runs the evaluation with <paramref name="split"/> returning sentence end offsets of a paragraph.</summary>
    public static Result Run(IReadOnlyList<string> lines, Func<string, IEnumerable<int>> split, int perParagraph = 5)
    {
        int tp = 0, fp = 0, fn = 0, markedGold = 0, markedFound = 0;
        var examples = new List<string>();
        for (int p = 0; p < lines.Count; p += perParagraph)
        {
            var group = lines.Skip(p).Take(perParagraph).Select(l => l.Trim()).ToList();
            string paragraph = string.Join(' ', group);
            // Gold: the offsets where each line ends, except the paragraph's end (every splitter gets that one free).
            var gold = new HashSet<int>();
            var marked = new HashSet<int>();
            int offset = 0;
            for (int k = 0; k < group.Count - 1; k++)
            {
                offset += group[k].Length;
                gold.Add(offset);
                if (EndsWithTerminator(group[k]))
                {
                    marked.Add(offset);
                }

                offset++; // the joining space
            }

            var predicted = split(paragraph).Where(e => e < paragraph.Length).ToHashSet();
            foreach (int e in predicted)
            {
                if (gold.Contains(e))
                {
                    tp++;
                    markedFound += marked.Contains(e) ? 1 : 0;
                }
                else
                {
                    fp++;
                    if (examples.Count < 40)
                    {
                        examples.Add(paragraph[Math.Max(0, e - 40)..Math.Min(paragraph.Length, e + 25)]);
                    }
                }
            }

            fn += gold.Count(g => !predicted.Contains(g));
            markedGold += marked.Count;
        }

        return new Result(tp, fp, fn, markedGold, markedFound, examples);
    }

    private static bool EndsWithTerminator(string line)
    {
        int i = line.Length - 1;
        while (i >= 0 && line[i] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019' or '\u00BB')
        {
            i--;
        }

        return i >= 0 && line[i] is '.' or '?' or '!' or '\u0964' or '\u0965' or '\u2026';
    }
}
