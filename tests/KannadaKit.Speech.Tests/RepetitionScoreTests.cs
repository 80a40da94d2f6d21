using KannadaKit.Speech.Recognition;
using KannadaKit.Testing;

namespace KannadaKit.Speech.Tests;

/// <summary>
/// Whisper decodes a window again when its text compresses too well (a loop). Measured here on real Kannada: the UTF-8
/// ratio openai-whisper uses calls most ordinary 300-character Kannada a loop; the code-point ratio does not, and
/// still catches real loops as the UTF-8 ratio catches English ones.
/// </summary>
public class RepetitionScoreTests
{
    private const double Threshold = 2.4; // openai-whisper's compression_ratio_threshold, our default too

    private static IEnumerable<string> Chunks(string path, int length, int max)
    {
        string text = string.Join(' ', File.ReadLines(path).Take(4000).Select(l => l.Trim()).Where(l => l.Length > 0));
        for (int i = 0, n = 0; i + length <= text.Length && n < max; i += length, n++)
        {
            yield return text.Substring(i, length);
        }
    }

    [SharedDataTheory("corpora/dakshina-kn/kn.wiki-valid.5MB.txt")]
    [InlineData(120, 0.0, 0.01)]
    [InlineData(321, 0.5, 1.0)]
    [InlineData(440, 0.95, 1.0)]
    public void OrdinaryKannadaIsNotALoopByCodePointsThoughUtf8SaysItOftenIs(int length, double utf8FlaggedMin, double utf8FlaggedMax)
    {
        // Measured on 1,000+ chunks: code points median 1.03/1.32/1.40, max 1.63; UTF-8 flags 0.1%/78.5%/99.9%.
        var chunks = Chunks(SharedData.PathOf("corpora/dakshina-kn/kn.wiki-valid.5MB.txt"), length, 2000).ToList();
        Assert.True(chunks.Count > 500);
        Assert.All(chunks, c => Assert.True(RepetitionScore.CodePoints(c) < 2.0, $"{RepetitionScore.CodePoints(c):F2}: {c}"));
        double flagged = chunks.Count(c => RepetitionScore.Utf8(c) > Threshold) / (double)chunks.Count;
        Assert.InRange(flagged, utf8FlaggedMin, utf8FlaggedMax);
    }

    [Fact]
    public void TheBundledNewsSampleStaysFarUnderTheThreshold()
    {
        foreach (int length in new[] { 60, 120, 200, 321, 440 })
        {
            foreach (var c in Chunks(Path.Combine(SharedData.RepoRoot, "corpora/samples/kn-news-sample.txt"), length, 100))
            {
                Assert.InRange(RepetitionScore.CodePoints(c), 0.5, 1.6);
            }
        }
    }

    [Theory]
    [InlineData("ಧನ್ಯವಾದಗಳು")]
    [InlineData("ಮತ್ತು")]
    [InlineData("ಬೆಂಗಳೂರಿನಲ್ಲಿ ಇಂದು ಮಳೆ")]
    public void AKannadaPhraseRepeatedTenTimesIsALoop(string phrase)
    {
        string loop = string.Join(' ', Enumerable.Repeat(phrase, 10));
        Assert.True(RepetitionScore.CodePoints(loop) > Threshold, $"{RepetitionScore.CodePoints(loop):F2}");
        // Three times is still speech (people do say a word thrice).
        Assert.True(RepetitionScore.CodePoints(string.Join(' ', Enumerable.Repeat(phrase, 3))) < Threshold);
    }

    [Theory]
    [InlineData("thank you thank you thank you thank you thank you thank you thank you thank you thank you thank you")]
    [InlineData("The weather in Bengaluru today: light rain in the evening, clearing by night.")]
    public void OnAsciiBothMeasuresAgree(string text) => Assert.Equal(RepetitionScore.Utf8(text), RepetitionScore.CodePoints(text));

    [Fact]
    public void EmptyTextScoresZero()
    {
        Assert.Equal(0, RepetitionScore.CodePoints(""));
        Assert.Equal(0, RepetitionScore.Utf8(""));
    }
}
