namespace KannadaKit.Subtitles.Tests;

public class ValidatorTests
{
    private static Cue C(double start, double end, string text) => new(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end), text);

    [Fact]
    public void GoodCuesPass()
    {
        var cues = new[] { C(1.02, 3.78, "ಕರ್ನಾಟಕದ ರಾಜಧಾನಿ ಯಾವುದು?"), C(4.0, 6.5, "ಬೆಂಗಳೂರು ಕರ್ನಾಟಕ ರಾಜ್ಯದ ರಾಜಧಾನಿ ಆಗಿದೆ\nಕರ್ನಾಟಕದಲ್ಲಿ ನಾವು ಕನ್ನಡ ಮಾತನಾಡುತ್ತೇವೆ") };
        Assert.Empty(SubtitleValidator.Check(cues, SubtitleRules.Default, TimeSpan.FromSeconds(11.8)));
    }

    [Theory]
    [InlineData("empty", 1.0, 2.0, "<i></i>")]
    [InlineData("timing", 2.0, 2.0, "ಮಳೆ")]
    [InlineData("lines", 1.0, 4.0, "ಒಂದು\nಎರಡು\nಮೂರು")]
    [InlineData("line-length", 1.0, 6.0, "ಬೆಂಗಳೂರು ಕರ್ನಾಟಕ ರಾಜ್ಯದ ರಾಜಧಾನಿ ಆಗಿದೆ ಕರ್ನಾಟಕದಲ್ಲಿ ನಾವು ಕನ್ನಡ ಮಾತನಾಡುತ್ತೇವೆ")]
    [InlineData("akshara-split", 1.0, 3.0, "ಕರ್ನಾಟಕದ ರಾಜಧಾನ\nಿ")]
    [InlineData("min-duration", 1.0, 1.5, "ಮಳೆ")]
    [InlineData("max-duration", 1.0, 9.0, "ಮಳೆ")]
    [InlineData("reading-speed", 1.0, 2.0, "ಬೆಂಗಳೂರು ಕರ್ನಾಟಕ ರಾಜ್ಯದ ರಾಜಧಾನಿ ಆಗಿದೆ")]
    [InlineData("after-end", 10.0, 12.5, "ಮಳೆ")]
    public void EachRuleIsReported(string rule, double start, double end, string text)
    {
        var v = SubtitleValidator.Check([C(start, end, text)], SubtitleRules.Default, TimeSpan.FromSeconds(12));
        Assert.Contains(v, x => x.Rule == rule && x.Cue == 1);
    }

    [Theory]
    [InlineData("order", 0.5)]
    [InlineData("overlap", 2.5)]
    [InlineData("gap", 3.05)]
    public void NeighbourRules(string rule, double secondStart)
    {
        var v = SubtitleValidator.Check([C(1, 3, "ಮಳೆ ಬರುತ್ತದೆ"), C(secondStart, secondStart + 2, "ಕೊಡೆ ತನ್ನಿ")], SubtitleRules.Default);
        var only = Assert.Single(v);
        Assert.Equal((2, rule), (only.Cue, only.Rule));
    }

    [Fact]
    public void ReadingSpeedIsCountedInAksharasNotCodePoints()
    {
        // 28 aksharas (50 code points) in 1.7 s: 16.5 aksharas/s passes 17, though 29 code points a second would not.
        string text = "ಬೆಂಗಳೂರು ಕರ್ನಾಟಕ ರಾಜ್ಯದ ರಾಜಧಾನಿ\nಕನ್ನಡ ಮಾತನಾಡುತ್ತೇವೆ";
        Assert.Equal(28, CueText.ReadingLength(text));
        Assert.Equal(50, text.Replace("\n", "").Length);
        Assert.Empty(SubtitleValidator.Check([C(0, 1.7, text)], SubtitleRules.Default));
        var v = Assert.Single(SubtitleValidator.Check([C(0, 1.6, text)], SubtitleRules.Default));
        Assert.Equal("cue 1: reading-speed: 17.5 aksharas/s (28 in 1.600 s), maximum 17", v.ToString());
    }
}
