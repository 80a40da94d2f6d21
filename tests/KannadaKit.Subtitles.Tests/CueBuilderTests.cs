namespace KannadaKit.Subtitles.Tests;

public class CueBuilderTests
{
    private static readonly string[] Sentence = "ಬೆಂಗಳೂರು ಕರ್ನಾಟಕ ರಾಜ್ಯದ ರಾಜಧಾನಿ ಆಗಿದೆ. ಕರ್ನಾಟಕದಲ್ಲಿ ನಾವು ಕನ್ನಡ ಮಾತನಾಡುತ್ತೇವೆ. ಇಂದು ಮಳೆ ಬರುವ ಸಾಧ್ಯತೆ ಇದೆ, ಆದ್ದರಿಂದ ಕೊಡೆ ತೆಗೆದುಕೊಂಡು ಹೋಗಿ.".Split(' ');

    private static List<TimedWord> Speak(string[] words, double aksharasPerSecond, double start = 0.5, double pauseEvery = 0)
    {
        var list = new List<TimedWord>();
        double t = start;
        for (int i = 0; i < words.Length; i++)
        {
            double d = CueText.LineLength(words[i]) / aksharasPerSecond;
            list.Add(new TimedWord(words[i], TimeSpan.FromSeconds(t), TimeSpan.FromSeconds(t + d)));
            t += d + 0.08 + (pauseEvery > 0 && i % 5 == 4 ? pauseEvery : 0);
        }

        return list;
    }

    [Theory]
    [InlineData(6, 0)]
    [InlineData(12, 0)]
    [InlineData(12, 2.0)]
    [InlineData(25, 0)]
    [InlineData(40, 0.3)]
    public void CuesKeepEveryWordInOrderAndPassTheValidator(double speed, double pause)
    {
        var words = Speak([.. Sentence, .. Sentence, .. Sentence], speed, pauseEvery: pause);
        var cues = CueBuilder.Build(words, SubtitleRules.Default);
        Assert.Equal(words.Select(w => w.Text), cues.SelectMany(c => c.Text.Replace('\n', ' ').Split(' ')));
        Assert.Empty(SubtitleValidator.Check(cues, SubtitleRules.Default));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(14)]
    [InlineData(30)]
    public void DualScriptCuesHaveTheWordsAndTheirCompanionLineAndPassTheValidator(double speed)
    {
        // A stand-in transliteration: two Latin letters an akshara, about what ISO 15919 gives.
        static string Roman(string s) => string.Join(' ', s.Split(' ').Select(w => new string('a', 2 * CueText.LineLength(w))));
        var words = Speak([.. Sentence, .. Sentence], speed);
        var cues = CueBuilder.Build(words, SubtitleRules.Default, companion: Roman);
        Assert.Equal(words.Select(w => w.Text), cues.SelectMany(c => c.Text.Split('\n')[0].Split(' ')));
        Assert.All(cues, c => Assert.Equal(Roman(c.Text.Split('\n')[0]), c.Text.Split('\n')[1]));
        Assert.Empty(SubtitleValidator.Check(cues, SubtitleRules.Default));
    }

    [Fact]
    public void SlowSpeechStaysInSyncAndSentencesEndCues()
    {
        var words = Speak(Sentence, 8);
        var cues = CueBuilder.Build(words, SubtitleRules.Default);
        Assert.Equal(words[0].Start, cues[0].Start);
        // Each cue starts with its first word, or at most the two-frame gap later (words here are 80 ms apart).
        int w = 0;
        foreach (var c in cues)
        {
            Assert.InRange((c.Start - SubtitleTimeRound(words[w].Start)).TotalMilliseconds, 0, SubtitleRules.Default.MinGap.TotalMilliseconds);
            w += c.Text.Replace('\n', ' ').Split(' ').Length;
        }

        // Two short sentences share a cue, a sentence a line; the cue ends where the second sentence does.
        Assert.Equal("ಬೆಂಗಳೂರು ಕರ್ನಾಟಕ ರಾಜ್ಯದ ರಾಜಧಾನಿ ಆಗಿದೆ.\nಕರ್ನಾಟಕದಲ್ಲಿ ನಾವು ಕನ್ನಡ ಮಾತನಾಡುತ್ತೇವೆ.", cues[0].Text);
    }

    [Fact]
    public void APauseStartsANewCue()
    {
        var words = new List<TimedWord>
        {
            new("ನಮಸ್ಕಾರ", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.6)),
            new("ಹೇಗಿದ್ದೀರಿ", TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4.8)),
        };
        var cues = CueBuilder.Build(words, SubtitleRules.Default);
        Assert.Equal(2, cues.Count);
        Assert.Equal(TimeSpan.FromSeconds(1.833), cues[0].End); // stretched to the 0.833 s minimum
    }

    [Fact]
    public void MediaEndBoundsTheLastCue()
    {
        var words = new List<TimedWord> { new("ಕೊನೆ", TimeSpan.FromSeconds(9.7), TimeSpan.FromSeconds(9.9)) };
        var cues = CueBuilder.Build(words, SubtitleRules.Default, TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(10), cues[0].End);
        Assert.Empty(SubtitleValidator.Check(cues, SubtitleRules.Default, TimeSpan.FromSeconds(10)));
    }

    private static TimeSpan SubtitleTimeRound(TimeSpan t) => TimeSpan.FromMilliseconds(Math.Round(t.TotalMilliseconds, MidpointRounding.AwayFromZero));
}
