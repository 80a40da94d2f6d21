using System.Text;
using KannadaKit.Text.Normalization.Rules;

namespace KannadaKit.Text.Tests.Normalization;

public class NfcDataTests
{
    [Fact]
    public void NfcQuickCheckNoTable_MatchesRuntimeIcu()
    {
        // The committed table (tools/gen-nfc-table.cs) must list exactly the BMP chars this runtime's NFC changes alone.
        var table = new HashSet<int>();
        var ranges = NfcTables.QuickCheckNo;
        for (int r = 0; r < ranges.Length; r += 2)
        {
            for (int c = ranges[r]; c <= ranges[r + 1]; c++)
            {
                table.Add(c);
            }
        }

        var runtime = new HashSet<int>();
        for (int c = 0; c < 0x10000; c++)
        {
            if (c is >= 0xD800 and < 0xE000 || c == 0xFFFE)
            {
                continue;
            }

            if (!((char)c).ToString().IsNormalized(NormalizationForm.FormC))
            {
                runtime.Add(c);
            }
        }

        Assert.True(runtime.SetEquals(table),
            "regenerate with: dotnet run tools/gen-nfc-table.cs > src/KannadaKit.Text/Normalization/Rules/NfcTables.cs; differing: "
            + string.Join(" ", runtime.Except(table).Concat(table.Except(runtime)).Take(20).Select(c => $"U+{c:X4}")));
    }

    [Fact]
    public void IndicCompositionPairs_MatchRuntimeIcu()
    {
        var runtime = new List<(char, char)>();
        for (int c = 0x0900; c < 0x0D80; c++)
        {
            string one = ((char)c).ToString();
            string nfd = one.Normalize(NormalizationForm.FormD);
            if (one.IsNormalized(NormalizationForm.FormC) && nfd.Length >= 2 && nfd[..^1].Normalize(NormalizationForm.FormC) is { Length: 1 } first)
            {
                runtime.Add((first[0], nfd[^1]));
            }
        }

        var table = new List<(char, char)>();
        var pairs = NfcTables.IndicCompositionPairs;
        for (int i = 0; i < pairs.Length; i += 2)
        {
            table.Add((pairs[i], pairs[i + 1]));
        }

        Assert.Equal(runtime, table);
    }

    [Fact]
    public void KannadaCompositionPairs_AreTheFiveTwoPartVowels()
    {
        var pairs = NfcData.Instance.CompositionPairs.Where(p => p.Second is >= '\u0C80' and <= '\u0CFF').Order().ToList();
        Assert.Equal(
            new[] { ('\u0CBF', '\u0CD5'), ('\u0CC6', '\u0CC2'), ('\u0CC6', '\u0CD5'), ('\u0CC6', '\u0CD6'), ('\u0CCA', '\u0CD5') },
            pairs);
    }
}
