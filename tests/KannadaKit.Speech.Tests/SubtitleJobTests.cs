using System.Text;
using KannadaKit.Speech.Audio;
using KannadaKit.Speech.Pipeline;
using KannadaKit.Speech.Recognition;
using KannadaKit.Speech.Vad;
using KannadaKit.Subtitles;
using KannadaKit.Testing;
using KannadaKit.Testing.Speech;

namespace KannadaKit.Speech.Tests;

/// <summary>Media in, cues out: spoken Kannada through each decoder and detector, the tiny model, the craft rules and both file formats.</summary>
public sealed class SubtitleJobTests(TinyModelFixture model) : IClassFixture<TinyModelFixture>, IDisposable
{
    private const string Text = "ನಮಸ್ಕಾರ. ಬೆಂಗಳೂರಿನಲ್ಲಿ ಇಂದು ಸಂಜೆ ಮಳೆ ಬರುವ ಸಾಧ್ಯತೆ ಇದೆ. ರಾತ್ರಿ ಹವಾಮಾನ ತಂಪಾಗಿರುತ್ತದೆ.";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The spoken text with two seconds of silence before it and three after it, as WAV.</summary>
    private string SpokenWav()
    {
        string speech = SpeechRequirements.Speak(Text, _dir.File("speech.wav"));
        string padded = _dir.File("padded.wav");
        SpeechRequirements.Ffmpeg("-i", speech, "-af", "adelay=2000:all=1,apad=pad_dur=3", padded);
        return padded;
    }

    private WhisperRecognizer Recognizer() => WhisperRecognizer.Open(model.Path, new RecognizerOptions { BeamSize = 1, BestOf = 1 });

    private static IVoiceDetector? Detector(string name) => name switch
    {
        "silero" => SileroVad.Open(SpeechFixtures.Silero(5)),
        "energy" => new EnergyVad(),
        _ => null,
    };

    private static void AssertGoodCues(SubtitleJobResult r, SubtitleRules rules, bool allowEmpty = false)
    {
        Assert.True(allowEmpty || r.Cues.Count > 0, $"windows {string.Join(", ", r.Windows)} but no cues");
        Assert.Empty(SubtitleValidator.Check(r.Cues, rules, r.MediaDuration));
        for (int i = 0; i < r.Cues.Count; i++)
        {
            var c = r.Cues[i];
            Assert.InRange(c.End, c.Start + rules.MinDuration, r.MediaDuration);
            Assert.True(i == 0 || c.Start >= r.Cues[i - 1].End + rules.MinGap, $"cue {i + 1} starts too soon after cue {i}");
            Assert.Equal(c.Text.Normalize(NormalizationForm.FormC), c.Text);
        }
    }

    [NeedsTheory("espeak-ng", "ffmpeg", "silero")]
    [InlineData("wav", "silero")]
    [InlineData("wav", "energy")]
    [InlineData("wav", "none")]
    [InlineData("mp3", "energy")]
    [InlineData("ogg", "silero")]
    [InlineData("mp4", "silero")]
    public void SpokenKannadaBecomesCuesThatFollowTheRules(string container, string detector)
    {
        string media = SpokenWav();
        if (container != "wav")
        {
            string output = _dir.File("speech." + container);
            if (container == "mp4")
            {
                // A real video: a coloured picture and the speech as AAC.
                SpeechRequirements.Ffmpeg("-f", "lavfi", "-i", "color=c=navy:s=320x240:r=25", "-i", media, "-shortest", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", output);
            }
            else
            {
                SpeechRequirements.Ffmpeg("-i", media, output);
            }

            media = output;
        }

        using var audio = MediaOpener.Open(media);
        using var vad = Detector(detector);
        using var recognizer = Recognizer();
        var progress = new List<JobProgress>();
        var r = SubtitleJob.Run(audio, vad, recognizer, progress: new SyncProgress<JobProgress>(progress.Add));
        AssertGoodCues(r, SubtitleRules.Default);
        Assert.Equal(detector, r.Detector.Split(' ')[0]);
        Assert.InRange(r.MediaDuration.TotalSeconds, 10, 14);
        Assert.Equal(r.MediaDuration, progress[^1].MediaDone);
        Assert.True(progress.Select(p => p.MediaDone).SequenceEqual(progress.Select(p => p.MediaDone).Order()));
        if (detector != "none")
        {
            // The detector skipped the silence at both ends: the first window starts near 2 s, the last ends before the padding.
            Assert.InRange(r.Windows[0].StartTime.TotalSeconds, 1.5, 2.5);
            Assert.True(r.Windows[^1].EndTime < r.MediaDuration - TimeSpan.FromSeconds(2));
            Assert.True(r.Cues[0].Start >= r.Windows[0].StartTime);
        }
    }

    [NeedsTheory("silero", "ffmpeg", "shared:speech/real/kannada_sample_1.wav")]
    [InlineData("speech/real/kannada_sample_1.wav")]
    [InlineData("speech/real/kannada_sample_2.wav")]
    [InlineData("speech/espeak-ng/kn_espeak_1.wav")]
    [InlineData("speech/espeak-ng/kn_espeak_2.wav")]
    [InlineData("speech/espeak-ng/kn_espeak_3.wav")]
    public void TheSharedRecordingsBecomeCuesThatFollowTheRules(string file)
    {
        using var audio = MediaOpener.Open(SharedData.PathOf(file));
        using var vad = SileroVad.Open(SpeechFixtures.Silero(5));
        using var recognizer = Recognizer();
        var r = SubtitleJob.Run(audio, vad, recognizer);
        // Silero finds the speech in each; the random model may say nothing about a second of it (it says nothing
        // about kn_espeak_1's 0.83 s window), so only what it does say is checked.
        Assert.NotEmpty(r.Windows);
        AssertGoodCues(r, SubtitleRules.Default, allowEmpty: true);
        var doc = new SubtitleDocument(r.Cues);
        string srt = _dir.File("shared.srt"), vtt = _dir.File("shared.vtt");
        File.WriteAllText(srt, SrtFormat.Write(doc));
        File.WriteAllText(vtt, WebVttFormat.Write(doc));
        Assert.Equal(r.Cues, SrtFormat.Read(File.ReadAllBytes(srt)).Cues);
        Assert.Equal(r.Cues.Count, WebVttFormat.Read(File.ReadAllBytes(vtt)).Cues.Count);
        if (r.Cues.Count == 0)
        {
            // ffmpeg refuses an empty subtitle file as "invalid data"; ours are the empty forms.
            Assert.Equal("", File.ReadAllText(srt));
            Assert.Equal("WEBVTT\n\n", File.ReadAllText(vtt));
            return;
        }

        foreach (var written in new[] { srt, vtt })
        {
            SpeechRequirements.Ffmpeg("-i", written, written + ".ass");
            Assert.Equal(r.Cues.Count, File.ReadLines(written + ".ass").Count(l => l.StartsWith("Dialogue:", StringComparison.Ordinal)));
        }
    }

    [NeedsFact("espeak-ng", "ffmpeg")]
    public void BothFormatsRoundTripThroughOurReadersAndFfmpeg()
    {
        using var audio = MediaOpener.Open(SpokenWav());
        using var recognizer = Recognizer();
        var r = SubtitleJob.Run(audio, new EnergyVad(), recognizer);
        var doc = new SubtitleDocument(r.Cues);
        string srt = _dir.File("out.srt"), vtt = _dir.File("out.vtt");
        File.WriteAllText(srt, SrtFormat.Write(doc));
        File.WriteAllText(vtt, WebVttFormat.Write(doc));
        Assert.Equal(r.Cues, SrtFormat.Read(File.ReadAllBytes(srt)).Cues);
        Assert.Equal(r.Cues.Select(c => (c.Start, c.End, c.Text)), WebVttFormat.Read(File.ReadAllBytes(vtt)).Cues.Select(c => (c.Start, c.End, CueText.Visible(c.Text))));
        foreach (var file in new[] { srt, vtt })
        {
            // ffmpeg's own subtitle demuxers read the files and convert them to ASS: every cue survives.
            string ass = file + ".ass";
            SpeechRequirements.Ffmpeg("-i", file, ass);
            Assert.Equal(r.Cues.Count, File.ReadLines(ass).Count(l => l.StartsWith("Dialogue:", StringComparison.Ordinal)));
        }
    }

    [NeedsFact("espeak-ng", "ffmpeg")]
    public void IsoAndDualScriptCues()
    {
        using var recognizer = Recognizer();
        string media = SpokenWav();
        using (var audio = MediaOpener.Open(media))
        {
            var iso = SubtitleJob.Run(audio, new EnergyVad(), recognizer, new SubtitleJobOptions { Script = SubtitleScript.Iso15919 });
            AssertGoodCues(iso, SubtitleRules.Default);
            Assert.All(iso.Cues, c => Assert.DoesNotContain(c.Text, ch => ch is >= '\u0C80' and <= '\u0CFF'));
        }

        using (var audio = MediaOpener.Open(media))
        {
            var dual = SubtitleJob.Run(audio, new EnergyVad(), recognizer, new SubtitleJobOptions { Script = SubtitleScript.Dual });
            AssertGoodCues(dual, SubtitleRules.Default);
            foreach (var c in dual.Cues)
            {
                var lines = c.Lines;
                Assert.Equal(2, lines.Count);
                Assert.Contains(lines[0], ch => ch is >= '\u0C80' and <= '\u0CFF');
                Assert.DoesNotContain(lines[1], ch => ch is >= '\u0C80' and <= '\u0CFF');
                Assert.Equal(lines[1], KannadaKit.Text.Transliteration.TransliterationRoute.Create("kannada", "iso15919").Transliterate(lines[0]));
            }
        }
    }

    [NeedsFact("silero")]
    public void SilenceGivesNoCues()
    {
        string path = TestAudio.WriteWav(_dir.File("silence.wav"), new float[16000 * 8], 16000, TestAudio.Encoding.Pcm16);
        using var recognizer = Recognizer();
        foreach (var vad in new IVoiceDetector[] { SileroVad.Open(SpeechFixtures.Silero(6)), new EnergyVad() })
        {
            using (vad)
            using (var audio = MediaOpener.Open(path))
            {
                var r = SubtitleJob.Run(audio, vad, recognizer);
                Assert.Empty(r.Cues);
                Assert.Empty(r.Windows);
                Assert.Equal(8, r.MediaDuration.TotalSeconds, 3);
            }
        }
    }

    [Fact]
    public void HalfAnHourIsStreamedHoldingAboutOneWindowOfAudio()
    {
        // 30 minutes generated on the fly (never in memory): a 2 s voiced burst every 3 minutes in faint noise.
        using var audio = new GeneratedAudio(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(2));
        using var recognizer = Recognizer();
        var r = SubtitleJob.Run(audio, new EnergyVad(), recognizer);
        Assert.Equal(TimeSpan.FromMinutes(30), r.MediaDuration);
        Assert.Equal(10, r.Windows.Count);
        Assert.True(r.PeakHeld < TimeSpan.FromSeconds(5), $"held {r.PeakHeld.TotalSeconds:F1} s");
    }

    [Fact]
    public void WithoutADetectorFixedWindowsAreHeldOneAtATime()
    {
        using var audio = new GeneratedAudio(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(3));
        using var recognizer = Recognizer();
        var r = SubtitleJob.Run(audio, null, recognizer);
        Assert.Equal("none", r.Detector);
        Assert.Equal(5, r.Windows.Count); // 20 + 20 + 20 + 20 + 10 s
        Assert.Equal(TimeSpan.FromSeconds(90), r.Windows[^1].EndTime);
        Assert.True(r.PeakHeld <= TimeSpan.FromSeconds(21), $"held {r.PeakHeld.TotalSeconds:F1} s");
    }

    [Fact]
    public void CancellationStopsTheJob()
    {
        using var audio = new GeneratedAudio(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(2));
        using var recognizer = Recognizer();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress<JobProgress>(p =>
        {
            if (p.MediaDone > TimeSpan.FromMinutes(1))
            {
                cts.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => SubtitleJob.Run(audio, new EnergyVad(), recognizer, progress: progress, cancellationToken: cts.Token));
        Assert.InRange(audio.Position, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1.1));
    }

    /// <summary>Faint noise with a voiced burst (a 150 Hz buzz and its harmonics) at the start of every period.</summary>
    private sealed class GeneratedAudio(TimeSpan length, TimeSpan period, TimeSpan burst) : AudioSource
    {
        private readonly long _total = (long)(length.TotalSeconds * SampleRate);
        private readonly long _period = (long)(period.TotalSeconds * SampleRate);
        private readonly long _burst = (long)(burst.TotalSeconds * SampleRate);
        private readonly Random _rng = new(9);

        public override string Source => "generated";

        public override string Decoder => "test";

        public override string SourceFormat => "generated 16 kHz";

        public override TimeSpan? Duration => length;

        protected override int ReadCore(Span<float> destination)
        {
            int n = (int)Math.Min(destination.Length, _total - SamplesRead);
            for (int i = 0; i < n; i++)
            {
                long t = SamplesRead + i;
                double noise = (_rng.NextDouble() - 0.5) * 0.002;
                double voice = 0;
                if (t % _period < _burst)
                {
                    double s = t / (double)SampleRate;
                    voice = 0.2 * (Math.Sin(2 * Math.PI * 150 * s) + (0.5 * Math.Sin(2 * Math.PI * 300 * s)) + (0.25 * Math.Sin(2 * Math.PI * 450 * s)));
                }

                destination[i] = (float)(noise + voice);
            }

            return n;
        }
    }
}
