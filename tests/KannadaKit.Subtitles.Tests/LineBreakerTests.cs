using KannadaKit.Text.Segmentation;

namespace KannadaKit.Subtitles.Tests;

public class LineBreakerTests
{
    public static TheoryData<string, int, string> Spec()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var r in SpecFile.Rows("line-breaking.tsv"))
        {
            data.Add(r[0], int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture), r[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Spec))]
    public void BreaksKannadaAsTheSpecSays(string text, int max, string expected)
    {
        var lines = LineBreaker.Break(text, new SubtitleRules { MaxLineAksharas = max });
        Assert.Equal(expected, lines is null ? "(none)" : string.Join(" | ", lines));
    }

    [Fact]
    public void SpecHasEnoughRows() => Assert.True(SpecFile.Rows("line-breaking.tsv").Count() >= 12);

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(20)]
    [InlineData(42)]
    public void NeverBreaksInsideAnAksharaAndKeepsEveryCharacter(int max)
    {
        var rng = new Random(max);
        string[] words = ["ಕ್ಷೇತ್ರ", "ಸ್ತ್ರೀ", "ಕರ್ನಾಟಕದಲ್ಲಿ", "ಬೆಂಗಳೂರು", "ರ‍್ಯಾಲಿ", "ಪಿಎಚ್‌ಡಿ", "ಮಾತನಾಡುತ್ತೇವೆ,", "ಹೌದು.", "2024", "AI"];
        for (int trial = 0; trial < 300; trial++)
        {
            string text = string.Join(' ', Enumerable.Range(0, rng.Next(1, 12)).Select(_ => words[rng.Next(words.Length)]));
            var lines = LineBreaker.Break(text, new SubtitleRules { MaxLineAksharas = max, MaxLines = 4 });
            if (lines is null)
            {
                Assert.True(Aksharas.Count(text) > max * 2, text); // only when it truly cannot fit
                continue;
            }

            Assert.All(lines, l => Assert.InRange(CueText.LineLength(l), 1, max));
            // No character is lost or added (spaces aside, which become the breaks).
            Assert.Equal(text.Replace(" ", ""), string.Concat(lines).Replace(" ", ""));
            // Every line boundary is an akshara boundary of the whole text.
            var boundaries = Aksharas.Split(text.Replace(" ", "")).Select(s => s.Start + s.Length).ToHashSet();
            int at = 0;
            foreach (var l in lines.Take(lines.Count - 1))
            {
                at += l.Replace(" ", "").Length;
                Assert.Contains(at, boundaries);
            }
        }
    }
}
