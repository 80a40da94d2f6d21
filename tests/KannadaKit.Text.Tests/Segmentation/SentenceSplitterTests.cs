using KannadaKit.Testing;
using KannadaKit.Text.Segmentation;
using KannadaKit.Text.Tests.Normalization;
using Xunit.Abstractions;

namespace KannadaKit.Text.Tests.Segmentation;

public class SentenceSplitterTests(ITestOutputHelper output)
{
    public static TheoryData<SegmentationSpec> Specs() => SegmentationSpec.TheoryData("sentences.tsv");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Split_SpecExample_GivesHandCheckedSentences(SegmentationSpec spec)
    {
        var sentences = SentenceSplitter.Default.Split(spec.Input).Select(s => s.Of(spec.Input));
        Assert.Equal(string.Join("|", spec.Units.Select(NormalizationSpec.Escape)), string.Join("|", sentences.Select(NormalizationSpec.Escape)));
    }

    [Fact]
    public void Split_LineBreaksAreBoundariesOption_SplitsAtEveryLine()
    {
        var splitter = new SentenceSplitter(new SentenceSplitterOptions { LineBreaksAreBoundaries = true });
        string text = "ಒಂದು ಸಾಲು\nಮುಂದಿನ ಸಾಲು";
        Assert.Equal(["ಒಂದು ಸಾಲು", "ಮುಂದಿನ ಸಾಲು"], splitter.Split(text).Select(s => s.Of(text)));
    }

    [Fact]
    public void Split_ExtraAbbreviations_AreHonoured()
    {
        string text = "ಕನ್ನಡ ವಿವಿ. ಹಂಪಿಯಲ್ಲಿದೆ.";
        Assert.Equal(2, SentenceSplitter.Default.Split(text).Count);
        var splitter = new SentenceSplitter(new SentenceSplitterOptions { ExtraAbbreviations = ["ವಿವಿ"] });
        Assert.Single(splitter.Split(text));
    }

    [SharedDataFact(Corpora.Wiki5MB)]
    public void Split_Wiki5MBFiveLineParagraphs_FindsTheMarkedLineBreaks()
    {
        // Issue 3's evaluation. Against every line break the ceiling is ~0.95 F1: 1,456 of 15,321 internal line breaks
        // follow lines with no terminator (headings, list items), and many lines hold several sentences, whose true
        // boundaries count as false positives here; and the corpus builder itself cut lines after ಡಾ. ಪ್ರೊ. ಶ್ರೀ., which we
        // rightly do not. These floors guard what is reached; the closing note reports the figures.
        var r = SentenceBoundaryEval.Run(Corpora.ReadLines(Corpora.Wiki5MB), p => SentenceSplitter.Default.Split(p).Select(s => s.End));
        output.WriteLine($"P {r.Precision:F4} R {r.Recall:F4} F1 {r.F1:F4}; terminator-marked R {r.MarkedRecall:F4} F1 {r.MarkedF1:F4}");
        Assert.True(r.MarkedRecall >= 0.975, $"marked recall {r.MarkedRecall:F4}");
        Assert.True(r.Precision >= 0.97, $"precision {r.Precision:F4}");
        Assert.True(r.F1 >= 0.92, $"F1 {r.F1:F4}");
    }

    [SharedDataFact(Corpora.Wiki5MB)]
    public void Split_Wiki5MB_SentencesAreInOrderAndCoverAllNonSpaceText()
    {
        string text = File.ReadAllText(SharedData.PathOf(Corpora.Wiki5MB));
        int last = 0;
        foreach (var s in SentenceSplitter.Default.Enumerate(text))
        {
            Assert.True(s.Start >= last);
            Assert.True(string.IsNullOrWhiteSpace(text[last..s.Start]), $"text skipped before {s.Start}");
            Assert.False(char.IsWhiteSpace(text[s.Start]));
            Assert.False(char.IsWhiteSpace(text[s.End - 1]));
            last = s.End;
        }

        Assert.True(string.IsNullOrWhiteSpace(text[last..]));
    }
}
