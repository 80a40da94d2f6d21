using System.Globalization;
using KannadaKit.Testing;
using KannadaKit.Text.Segmentation;
using KannadaKit.Text.Tests.Normalization;

namespace KannadaKit.Text.Tests.Segmentation;

public class AksharasTests
{
    public static TheoryData<SegmentationSpec> Specs() => SegmentationSpec.TheoryData("aksharas.tsv");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Split_SpecExample_GivesHandCheckedAksharas(SegmentationSpec spec)
    {
        var units = Aksharas.Split(spec.Input).Select(s => s.Of(spec.Input)).ToArray();
        Assert.Equal(string.Join("|", spec.Units.Select(NormalizationSpec.Escape)), string.Join("|", units.Select(NormalizationSpec.Escape)));
        Assert.Equal(spec.Units.Length, Aksharas.Count(spec.Input));
    }

    [Theory]
    [InlineData("ಕನ್ನಡ", 3)]
    [InlineData("ಸ್ತ್ರೀ", 1)]
    [InlineData("ಬಸ್\u200Cಸ್ಟಾಪ್", 4)]
    [InlineData("abc", 3)]
    [InlineData("中文", 4)]
    [InlineData("👍", 2)]
    [InlineData("ಕನ್ನಡ\u200B", 3)]
    [InlineData("", 0)]
    public void DisplayWidth_CountsColumns(string text, int width) => Assert.Equal(width, Aksharas.DisplayWidth(text));

    [Fact]
    public void Split_KssaAndShri_DifferFromDotNetTextElements()
    {
        // The reason this segmenter exists: UAX #29 has no Kannada virama rule, so .NET splits conjuncts.
        Assert.Equal(2, new StringInfo("ಕ್ಷ").LengthInTextElements);
        Assert.Equal(1, Aksharas.Count("ಕ್ಷ"));
        Assert.Equal(2, new StringInfo("ಶ್ರೀ").LengthInTextElements);
        Assert.Equal(1, Aksharas.Count("ಶ್ರೀ"));
    }

    [SharedDataFact(Corpora.Wiki5MB)]
    public void Split_Wiki5MB_CoversEveryCharExactlyOnceAndNeverStartsWithAMark()
    {
        string text = File.ReadAllText(SharedData.PathOf(Corpora.Wiki5MB));
        int expected = 0;
        int count = 0;
        foreach (var s in Aksharas.Enumerate(text))
        {
            Assert.Equal(expected, s.Start);
            Assert.True(s.Length > 0);
            expected = s.End;
            count++;
            char first = text[s.Start];
            var category = char.GetUnicodeCategory(first);
            bool startsWithMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            // In this corpus a unit may start with a mark only where the text itself has an orphan sign (after a space, a digit…).
            if (startsWithMark && s.Start > 0)
            {
                char before = text[s.Start - 1];
                Assert.False(KannadaKit.Text.Scripts.IndicScripts.Kannada.IsLetter(before),
                    $"akshara at {s.Start} starts with a mark after a letter: {NormalizationSpec.Escape(text.Substring(Math.Max(0, s.Start - 5), 12))}");
            }
        }

        Assert.Equal(text.Length, expected);
        Assert.Equal(count, Aksharas.Count(text));
    }
}
