using System.Text;
using KannadaKit.Subtitles;
using KannadaKit.Testing;
using KannadaKit.Testing.Speech;
using KannadaKit.Testing.Whisper;

namespace KannadaKit.Cli.Tests.Commands;

/// <summary>One random-weight ggml model for the class.</summary>
public sealed class CliTinyModel : IDisposable
{
    private readonly TempDirectory _dir = new();

    public CliTinyModel() => Path = new TinyWhisperModel().WriteTo(_dir.File("ggml-tiny-random.bin"));

    public string Path { get; }

    public void Dispose() => _dir.Dispose();
}

public sealed class SubtitleCommandTests(CliTinyModel model) : IClassFixture<CliTinyModel>, IDisposable
{
    private const string Text = "ನಮಸ್ಕಾರ. ಬೆಂಗಳೂರಿನಲ್ಲಿ ಇಂದು ಸಂಜೆ ಮಳೆ ಬರುವ ಸಾಧ್ಯತೆ ಇದೆ.";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Speech(string name = "talk.wav") => SpeechRequirements.Speak(Text, _cli.PathOf(name));

    private string[] Files() => [.. Directory.GetFiles(_cli.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [NeedsFact("espeak-ng")]
    public void SpeechBecomesAnSrtNextToTheInputThatPassesCheck()
    {
        string wav = Speech();
        var r = _cli.Run("", "subtitle", wav, "--model", model.Path);
        Assert.True(r.ExitCode == 0, r.Stderr);
        string srt = _cli.PathOf("talk.srt");
        var doc = SrtFormat.Read(File.ReadAllBytes(srt));
        Assert.NotEmpty(doc.Cues);
        Assert.Empty(SubtitleValidator.Check(doc.Cues, SubtitleRules.Default));
        Assert.Contains("using the energy detector", r.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"talk\.srt: \d+ cues? from 0:0\d of media in \d:\d\d \(real-time factor [\d.]+: decode [\d.]+, VAD [\d.]+, Whisper [\d.]+\); detector energy, \d+ windows?", r.Stderr);
        Assert.Equal(["talk.srt", "talk.wav"], Files());

        var check = _cli.Run("", "subtitle", "check", srt);
        Assert.Equal(0, check.ExitCode);
        Assert.Equal($"{srt}: {(doc.Cues.Count == 1 ? "1 cue" : $"{doc.Cues.Count} cues")}, all within the rules\n", check.Stderr);
    }

    [NeedsFact("espeak-ng", "silero")]
    public void WebVttToStandardOutputWithSileroAndDualScript()
    {
        string wav = Speech();
        var r = _cli.Run("", "subtitle", wav, "--model", model.Path, "--format", "vtt", "-o", "-", "--script", "dual", "--vad-model", SpeechFixtures.Silero(5), "--beam-size", "1");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("WEBVTT\n", r.Text, StringComparison.Ordinal);
        var doc = WebVttFormat.Read(r.Stdout);
        Assert.NotEmpty(doc.Cues);
        Assert.All(doc.Cues, c => Assert.Equal(2, c.Lines.Count));
        Assert.Contains("detector silero v5", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(["talk.wav"], Files());
    }

    [Fact]
    public void SilenceGivesAnEmptyFileAndSaysSo()
    {
        string wav = TestAudio.WriteWav(_cli.PathOf("quiet.wav"), new float[16000 * 5], 16000, TestAudio.Encoding.Pcm16);
        var r = _cli.Run("", "subtitle", wav, "--model", model.Path, "-o", "quiet.vtt");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"{wav}: no speech found (0:05 of media, detector energy); wrote an empty quiet.vtt", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("WEBVTT\n\n", File.ReadAllText(_cli.PathOf("quiet.vtt")));
    }

    [Fact]
    public void TheProgressLineShowsMediaTimeAndTheRealTimeFactor()
    {
        var x = TestAudio.Tone(200, 6, 16000, 0.3);
        string wav = TestAudio.WriteWav(_cli.PathOf("tone.wav"), x, 16000, TestAudio.Encoding.Pcm16);
        var r = _cli.Run("", "subtitle", wav, "--model", model.Path, "--progress", "true", "--no-vad", "--beam-size", "1");
        Assert.True(r.ExitCode == 0, r.Stderr);
        // Drawn in place with carriage returns, then cleared before the summary line.
        Assert.Matches(@"\r\[#* *\] 0:0\d / 0:06  real-time factor \d+\.\d\d", r.Stderr);
        Assert.Matches(@"\r +\r", r.Stderr);
    }

    [Fact]
    public void BadInputsGetOneLineAndLeaveNoOutput()
    {
        string wav = TestAudio.WriteWav(_cli.PathOf("a.wav"), TestAudio.Tone(300, 1, 16000), 16000, TestAudio.Encoding.Pcm16);
        _cli.WriteBytes("empty.wav", []);
        _cli.Write("notes.mp3", "this is not audio at all, just text pretending to be an mp3 file\n");
        var random = new byte[50_000];
        new Random(4).NextBytes(random);
        _cli.WriteBytes("model.bin", random);

        _cli.Run("", "subtitle", "missing.wav", "--model", model.Path).AssertOneLineError("missing.wav");
        _cli.Run("", "subtitle", "empty.wav", "--model", model.Path).AssertOneLineError("empty.wav");
        _cli.Run("", "subtitle", "notes.mp3", "--model", model.Path).AssertOneLineError("notes.mp3");
        _cli.Run("", "subtitle", wav, "--model", "nope.bin").AssertOneLineError("nope.bin: model file not found");
        _cli.Run("", "subtitle", wav, "--model", "model.bin").AssertOneLineError("model.bin: not a ggml Whisper model: expected magic 'ggml' at byte 0");
        _cli.Run("", "subtitle", wav).AssertOneLineError("--model is required");
        Assert.Equal(2, _cli.Run("", "subtitle", wav, "--model", model.Path, "--no-vad", "--vad-model", "x.onnx").ExitCode);
        _cli.Run("", "subtitle", wav, "--model", model.Path, "--max-cps", "0").AssertOneLineError("--max-cps: aksharas per second must be 1–100");
        _cli.Run("", "subtitle", wav, "--model", model.Path, "--language", "Kannada").AssertOneLineError("expected a Whisper language code");
        _cli.Run("", "subtitle", wav, "--model", model.Path, "-o", wav).AssertOneLineError("refusing to overwrite it");
        _cli.Run("", "subtitle", wav, "--model", model.Path, "--vad-model", "model.bin").AssertOneLineError("model.bin: not a loadable ONNX model");
        Assert.Equal(["a.wav", "empty.wav", "model.bin", "notes.mp3"], Files());
    }

    [Fact]
    public void CheckListsEveryBrokenRuleAsFileCueRuleDetail()
    {
        string srt = _cli.Write("bad.srt",
            "1\n00:00:01,000 --> 00:00:01,300\nಕ್ಷಮಿಸಿ\n\n2\n00:00:01,310 --> 00:00:03,000\nಬೆಂಗಳೂರಿನಲ್ಲಿ ಇಂದು ಸಂಜೆ ಮಳೆ ಬರುವ ಸಾಧ್ಯತೆ ಇದೆ ಎಂದು ಹವಾಮಾನ ಇಲಾಖೆ ತಿಳಿಸಿದೆ\n\n");
        var r = _cli.Run("", "subtitle", "check", srt);
        Assert.Equal(1, r.ExitCode);
        var lines = r.Text.TrimEnd('\n').Split('\n');
        Assert.Contains(lines, l => l.StartsWith($"{srt}:cue 1: min-duration:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{srt}:cue 2: gap:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{srt}:cue 2: line-length:", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches(@"^.+:cue \d+: [a-z-]+: .+$", l));

        _cli.Write("broken.srt", "1\n00:00:01,000 -> 00:00:02,000\nಹೌದು\n");
        _cli.Run("", "subtitle", "check", "broken.srt").AssertOneLineError("broken.srt");
    }

    [Fact]
    public void ReflowOutputPassesCheckAndKeepsEveryWord()
    {
        const string words = "ಬೆಂಗಳೂರಿನಲ್ಲಿ ಇಂದು ಸಂಜೆ ಮಳೆ ಬರುವ ಸಾಧ್ಯತೆ ಇದೆ ಎಂದು ಹವಾಮಾನ ಇಲಾಖೆ ತಿಳಿಸಿದೆ; ರಾತ್ರಿ ತಾಪಮಾನ ಇಪ್ಪತ್ತು ಡಿಗ್ರಿಗೆ ಇಳಿಯಲಿದೆ ಮತ್ತು ನಾಳೆ ಬೆಳಿಗ್ಗೆ ಮಂಜು ಕವಿಯಲಿದೆ.";
        string srt = _cli.Write("long.srt", $"1\n00:00:01,000 --> 00:00:09,000\n{words}\n\n");
        var r = _cli.Run("", "subtitle", "reflow", srt, "-o", "fixed.vtt");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var doc = WebVttFormat.Read(File.ReadAllBytes(_cli.PathOf("fixed.vtt")));
        Assert.True(doc.Cues.Count >= 2);
        Assert.Equal(words.Split(' '), doc.Cues.SelectMany(c => CueText.Visible(c.Text).Split('\n', ' ')).ToArray());
        Assert.Equal(0, _cli.Run("", "subtitle", "check", "fixed.vtt").ExitCode);
        Assert.Equal(1, _cli.Run("", "subtitle", "check", srt).ExitCode);

        var toStdout = _cli.Run("", "subtitle", "reflow", srt);
        Assert.Equal(0, toStdout.ExitCode);
        Assert.Equal(doc.Cues.Count, SrtFormat.Read(toStdout.Stdout).Cues.Count);
    }

    [NeedsFact("ffmpeg", "fonts")]
    public void BurnDrawsTheKannadaIntoTheFrameAndTheVideo()
    {
        string video = _cli.PathOf("clip.mp4");
        SpeechRequirements.Ffmpeg("-f", "lavfi", "-i", "color=c=0x102030:s=640x360:r=25:d=4", "-f", "lavfi", "-i", "sine=f=220:d=4",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", video);
        _cli.Write("k.srt", "1\n00:00:01,000 --> 00:00:02,500\nಕ್ಷಮಿಸಿ, ಶ್ರೀ ಕೃಷ್ಣ ದ್ವಾರಕೆ\n\n");

        var with = _cli.Run("", "subtitle", "burn", video, "--subtitles", "k.srt", "--preview-frame", "1.5", "-o", "with.png");
        Assert.True(with.ExitCode == 0, with.Stderr);
        var without = _cli.Run("", "subtitle", "burn", video, "--subtitles", "k.srt", "--preview-frame", "3.5", "-o", "without.png");
        Assert.Equal(0, without.ExitCode);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(_cli.PathOf("with.png"))[..4]);
        // White text on a dark picture: bright pixels in the bottom third only while the cue is on.
        Assert.InRange(BrightPixels(_cli.PathOf("with.png")), 200, 40_000);
        Assert.Equal(0, BrightPixels(_cli.PathOf("without.png")));

        var full = _cli.Run("", "subtitle", "burn", video, "-s", "k.srt", "-o", "burned.mp4");
        Assert.True(full.ExitCode == 0, full.Stderr);
        Assert.Equal("burned.mp4: 1 cue drawn into " + video + "\n", full.Stderr);
        Assert.Equal(["burned.mp4", "clip.mp4", "k.srt", "with.png", "without.png"], Files());

        string wav = TestAudio.WriteWav(_cli.PathOf("a.wav"), TestAudio.Tone(300, 1, 16000), 16000, TestAudio.Encoding.Pcm16);
        _cli.Run("", "subtitle", "burn", wav, "-s", "k.srt", "-o", "x.mp4").AssertOneLineError("has no video stream");
        _cli.Run("", "subtitle", "burn", video, "-s", "k.srt", "-o", "x.png", "--preview-frame", "60").AssertOneLineError("past the end");
        Assert.False(File.Exists(_cli.PathOf("x.mp4")));
    }

    private int BrightPixels(string png)
    {
        string raw = png + ".gray";
        SpeechRequirements.Ffmpeg("-i", png, "-f", "rawvideo", "-pix_fmt", "gray", raw);
        var b = File.ReadAllBytes(raw);
        File.Delete(raw);
        int bright = 0;
        for (int i = b.Length * 2 / 3; i < b.Length; i++)
        {
            bright += b[i] > 200 ? 1 : 0;
        }

        return bright;
    }
}
