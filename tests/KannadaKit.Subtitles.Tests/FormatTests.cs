using System.Text;

namespace KannadaKit.Subtitles.Tests;

public class FormatTests
{
    private static readonly TimeSpan S1 = TimeSpan.FromMilliseconds(1020);

    [Fact]
    public void SrtReadsWhatPlayersAccept()
    {
        string srt = "\uFEFF1\r\n00:00:01,020 --> 00:00:03,780\r\nಕರ್ನಾಟಕದ ರಾಜಧಾನಿ\r\nಯಾವುದು?\r\n\r\n"
            + "00:00:04.5 --> 00:00:06,000\r\n<i>ಬೆಂಗಳೂರು</i>\r\n\r\nಮುಂದುವರಿದ ಸಾಲು\r\n\r\n"
            + "3\n1:02:03,004 --> 1:02:04,000 X1:10\nಕೊನೆ\n";
        var doc = SrtFormat.Read(Encoding.UTF8.GetBytes(srt), "a.srt");
        Assert.Equal(3, doc.Cues.Count);
        Assert.Equal(S1, doc.Cues[0].Start);
        Assert.Equal("ಕರ್ನಾಟಕದ ರಾಜಧಾನಿ\nಯಾವುದು?", doc.Cues[0].Text);
        Assert.Equal(TimeSpan.FromMilliseconds(4500), doc.Cues[1].Start);
        Assert.Equal("<i>ಬೆಂಗಳೂರು</i>\nಮುಂದುವರಿದ ಸಾಲು", doc.Cues[1].Text);
        Assert.Single(doc.Issues);
        Assert.Equal(new TimeSpan(0, 1, 2, 3, 4), doc.Cues[2].Start);
    }

    [Theory]
    [InlineData("1\n00:00:01,000 -> 00:00:02,000\nx\n", "a.srt: line 2: expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm'")]
    [InlineData("1\n00:00:01,000 --> 00:61:02,000\nx\n", "a.srt: line 2: expected an end time")]
    [InlineData("hello\nworld\n", "a.srt: line 1: expected a cue number or a timing line")]
    public void SrtErrorsNameTheLine(string text, string start)
    {
        var e = Assert.Throws<SubtitleFormatException>(() => SrtFormat.Parse(text, "a.srt"));
        Assert.StartsWith(start, e.Message);
    }

    [Fact]
    public void InvalidUtf8IsRefusedWithItsOffset()
    {
        var bytes = Encoding.UTF8.GetBytes("1\n00:00:01,000 --> 00:00:02,000\nಕ").Concat(new byte[] { 0xE0, 0x41 }).ToArray();
        var e = Assert.Throws<SubtitleFormatException>(() => SrtFormat.Read(bytes, "b.srt"));
        Assert.Contains("b.srt: line 3: invalid UTF-8 at byte 35", e.Message);
    }

    [Fact]
    public void WebVttFollowsTheW3CParsingRules()
    {
        string vtt = "WEBVTT - ಕನ್ನಡ\nKind: captions\n\nSTYLE\n::cue { color: yellow }\n\nNOTE a comment\nspanning lines\n\n"
            + "intro\n00:01.020 --> 00:03.780 line:90% align:center\nಕರ್ನಾಟಕದ &amp; ರಾಜಧಾನಿ\n\n"
            + "00:00:04.000 --> 00:00:05.000\nಮೊದಲು\n00:00:05.500 --> 00:00:06.000\nಎರಡನೆಯದು\n\n"
            + "00:07.00 --> 00:08.000\nಕೆಟ್ಟ ಸಮಯ\n\n"
            + "1:00:00.000 --> 1:00:01.000\nಗಂಟೆ ಒಂದೇ ಅಂಕಿ\n\n"
            + "junk block\n\n"
            + "01:00:00.000 --> 01:00:01.000\nಗಂಟೆ\n";
        var doc = WebVttFormat.Parse(vtt, "a.vtt");
        Assert.Equal("- ಕನ್ನಡ\nKind: captions", doc.Header);
        Assert.Equal(["STYLE\n::cue { color: yellow }"], doc.Blocks);
        Assert.Equal(4, doc.Cues.Count);
        Assert.Equal("intro", doc.Cues[0].Identifier);
        Assert.Equal("line:90% align:center", doc.Cues[0].Settings);
        Assert.Equal(S1, doc.Cues[0].Start);
        Assert.Equal("ಕರ್ನಾಟಕದ &amp; ರಾಜಧಾನಿ", doc.Cues[0].Text);
        Assert.Equal("ಕರ್ನಾಟಕದ & ರಾಜಧಾನಿ", CueText.Visible(doc.Cues[0].Text));
        // A line with '-->' starts a new cue even without a blank line before it.
        Assert.Equal("ಮೊದಲು", doc.Cues[1].Text);
        Assert.Equal("ಎರಡನೆಯದು", doc.Cues[2].Text);
        Assert.Equal(TimeSpan.FromHours(1), doc.Cues[3].Start);
        // Two fraction digits, a one-digit hour and a non-cue block are skipped and reported with their lines.
        Assert.Equal(3, doc.Issues.Count);
        Assert.Contains(doc.Issues, i => i.Line == 19 && i.Message.Contains("bad start time"));
        Assert.Contains(doc.Issues, i => i.Message.Contains("junk block"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("WEBVTTX\n")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\nx\n")]
    public void WebVttNeedsItsSignature(string text)
    {
        var e = Assert.Throws<SubtitleFormatException>(() => WebVttFormat.Parse(text, "x.vtt"));
        Assert.StartsWith("x.vtt: line 1: not a WebVTT file", e.Message);
    }

    [Theory]
    [InlineData(SubtitleFormat.Srt)]
    [InlineData(SubtitleFormat.WebVtt)]
    public void WhatWeWriteReadsBackExactly(SubtitleFormat format)
    {
        var rng = new Random(7);
        string[] words = ["ಕರ್ನಾಟಕ", "ರಾಜಧಾನಿ", "ಬೆಂಗಳೂರು?", "<i>ಮಳೆ</i>", "AT&T", "1 < 2", "ಕ್ಷೇತ್ರ", "-->"];
        for (int trial = 0; trial < 50; trial++)
        {
            var cues = new List<Cue>();
            var t = TimeSpan.FromMilliseconds(rng.Next(0, 5000));
            for (int k = 0; k < rng.Next(0, 8); k++)
            {
                var end = t + TimeSpan.FromMilliseconds(rng.Next(1, 7000));
                var lines = Enumerable.Range(0, rng.Next(1, 3)).Select(_ => string.Join(' ', Enumerable.Range(0, rng.Next(1, 4)).Select(_ => words[rng.Next(words.Length)])));
                string text = CueText.Payload(string.Join('\n', lines), format).Replace("-->", "->", StringComparison.Ordinal);
                cues.Add(new Cue(t, end, text) { Identifier = format == SubtitleFormat.WebVtt && k % 2 == 0 ? $"c{k}" : null });
                t = end + TimeSpan.FromMilliseconds(rng.Next(0, 3_600_000));
            }

            var doc = new SubtitleDocument(cues);
            string written = format == SubtitleFormat.Srt ? SrtFormat.Write(doc) : WebVttFormat.Write(doc);
            var back = format == SubtitleFormat.Srt ? SrtFormat.Parse(written) : WebVttFormat.Parse(written);
            Assert.Empty(back.Issues);
            Assert.Equal(cues, back.Cues);
            string again = format == SubtitleFormat.Srt ? SrtFormat.Write(back) : WebVttFormat.Write(back);
            Assert.Equal(written, again);
        }
    }

    [Fact]
    public void WritersUseTheFormatsTimestamps()
    {
        var doc = new SubtitleDocument([new Cue(TimeSpan.FromMilliseconds(1020), new TimeSpan(0, 1, 2, 3, 4), "ನಮಸ್ಕಾರ")]);
        Assert.Equal("1\n00:00:01,020 --> 01:02:03,004\nನಮಸ್ಕಾರ\n\n", SrtFormat.Write(doc));
        Assert.Equal("WEBVTT\n\n00:00:01.020 --> 01:02:03.004\nನಮಸ್ಕಾರ\n\n", WebVttFormat.Write(doc));
    }

    [Fact]
    public void ConvertingPayloadsBetweenFormats()
    {
        Assert.Equal("<i>ಮಳೆ</i> AT&amp;T 1 &lt; 2", CueText.Convert("<i>ಮಳೆ</i> AT&T 1 < 2", SubtitleFormat.Srt, SubtitleFormat.WebVtt));
        Assert.Equal("ಮಳೆ", CueText.Convert("<font color=\"red\">ಮಳೆ</font>", SubtitleFormat.Srt, SubtitleFormat.WebVtt));
        Assert.Equal("AT&T <b>x</b>", CueText.Convert("AT&amp;T <b>x</b>", SubtitleFormat.WebVtt, SubtitleFormat.Srt));
    }

    [Theory]
    [InlineData("ಕರ್ನಾಟಕ", 4)]
    [InlineData("ಬೆಂಗಳೂರು", 4)]
    [InlineData("ಕನ್ನಡ", 3)]
    [InlineData("<i>ಕನ್ನಡ</i> &amp;", 5)]
    [InlineData("<v Ravi>ಹೌದು", 2)]
    public void LinesAreCountedInAksharas(string line, int expected) => Assert.Equal(expected, CueText.LineLength(line));
}
