using KannadaKit.Testing;
using KannadaKit.Text.Normalization;

namespace KannadaKit.Text.Tests.Normalization;

public class IndicNlpParityTests
{
    [SharedDataFact(Corpora.Wiki5MB, Corpora.Wiki5MBIndicNlp)]
    public void IndicNlpProfile_Wiki5MB_ByteIdenticalToGoldenOnEveryLine()
    {
        string[] input = Corpora.ReadLines(Corpora.Wiki5MB);
        string[] golden = Corpora.ReadLines(Corpora.Wiki5MBIndicNlp);
        Assert.Equal(19_152, input.Length);
        Assert.Equal(input.Length, golden.Length);
        var normalizer = IndicNormalizer.Create(NormalizationProfile.IndicNlp);

        var mismatches = new List<int>();
        int changed = 0;
        for (int i = 0; i < input.Length; i++)
        {
            string ours = normalizer.Normalize(input[i]);
            if (!string.Equals(ours, golden[i], StringComparison.Ordinal))
            {
                mismatches.Add(i + 1);
            }

            changed += string.Equals(ours, input[i], StringComparison.Ordinal) ? 0 : 1;
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} lines differ from the golden file, first: {string.Join(", ", mismatches.Take(10))}");
        Assert.Equal(3_425, changed); // the data notes: indic_nlp changes 3,425 lines of this file
    }
}
