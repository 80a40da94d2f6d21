namespace KannadaKit.Subtitles.Tests;

public class ReflowTests
{
    private static IEnumerable<string> Words(SubtitleDocument d) => d.Cues.SelectMany(c => c.Text.Replace('\n', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void ALongCueIsSplitWithTimeSharedByAksharas()
    {
        // 16 + 1 + 16 aksharas with the space; one 42-akshara line each at 16 per line.
        var doc = SrtFormat.Parse("1\n00:00:10,000 --> 00:00:16,600\nಕರ್ನಾಟಕದ ರಾಜಧಾನಿ ಬೆಂಗಳೂರು. ಕರ್ನಾಟಕದ ರಾಜಧಾನಿ ಬೆಂಗಳೂರು. ಕರ್ನಾಟಕದ ರಾಜಧಾನಿ ಬೆಂಗಳೂರು.\n");
        var rules = SubtitleRules.Default with { MaxLineAksharas = 16, MaxLines = 1 };
        var back = SubtitleReflow.Reflow(doc, rules);
        Assert.Equal(["ಕರ್ನಾಟಕದ ರಾಜಧಾನಿ ಬೆಂಗಳೂರು.", "ಕರ್ನಾಟಕದ ರಾಜಧಾನಿ ಬೆಂಗಳೂರು.", "ಕರ್ನಾಟಕದ ರಾಜಧಾನಿ ಬೆಂಗಳೂರು."], back.Cues.Select(c => c.Text));
        // 50 aksharas (3 × 16 + 2 spaces) over 6.6 s: 0.132 s each; the parts start at 0, 17 and 34 aksharas.
        Assert.Equal(TimeSpan.FromSeconds(10), back.Cues[0].Start);
        Assert.Equal(TimeSpan.FromMilliseconds(12244), back.Cues[1].Start);
        Assert.Equal(TimeSpan.FromMilliseconds(14488), back.Cues[2].Start);
        Assert.Equal(TimeSpan.FromMilliseconds(16600), back.Cues[2].End);
        Assert.Empty(SubtitleValidator.Check(back.Cues, rules));
    }

    [Fact]
    public void ReflowKeepsEveryWordAndPassesCheck()
    {
        var rng = new Random(3);
        string[] vocab = ["ಕರ್ನಾಟಕದ", "ರಾಜಧಾನಿ", "ಬೆಂಗಳೂರು.", "ಮಳೆ", "ಬರುವ", "ಸಾಧ್ಯತೆ", "ಇದೆ,", "ಕ್ಷೇತ್ರದ", "ಸ್ತ್ರೀಯರು", "<i>ಹೌದು</i>"];
        for (int trial = 0; trial < 40; trial++)
        {
            var cues = new List<Cue>();
            var t = TimeSpan.FromSeconds(rng.NextDouble() * 3);
            for (int k = 0; k < 12; k++)
            {
                // Messy input: long lines, short flashes, cues touching.
                var end = t + TimeSpan.FromMilliseconds(rng.Next(200, 9000));
                string text = string.Join(rng.Next(3) == 0 ? "\n" : " ", Enumerable.Range(0, rng.Next(1, 18)).Select(_ => vocab[rng.Next(vocab.Length)]));
                cues.Add(new Cue(t, end, text));
                t = end + TimeSpan.FromMilliseconds(rng.Next(0, 400));
            }

            var doc = new SubtitleDocument(cues);
            var back = SubtitleReflow.Reflow(doc, SubtitleRules.Default);
            Assert.Equal(Words(doc), Words(back));
            Assert.Empty(SubtitleValidator.Check(back.Cues, SubtitleRules.Default));
        }
    }
}
