using KannadaKit.Speech.Audio;
using KannadaKit.Testing;
using KannadaKit.Testing.Speech;

namespace KannadaKit.Speech.Tests;

/// <summary>Every other format, made by ffmpeg from one stereo 44.1 kHz tone and read back through our decoders.</summary>
public sealed class ContainerInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Make(string extension, params string[] codec)
    {
        string wav = TestAudio.WriteWav(_dir.File("src.wav"), TestAudio.Tone(440, 2, 44100), 44100, TestAudio.Encoding.Pcm16, 2);
        string output = _dir.File("media." + extension);
        SpeechRequirements.Ffmpeg(["-i", wav, .. codec, output]);
        return output;
    }

    [NeedsTheory("ffmpeg")]
    [InlineData("mp3", "mp3", new[] { "-c:a", "libmp3lame", "-b:a", "128k" })]
    [InlineData("flac", "ffmpeg", new[] { "-c:a", "flac" })]
    [InlineData("ogg", "ffmpeg", new[] { "-c:a", "libvorbis" })]
    [InlineData("opus", "ffmpeg", new[] { "-c:a", "libopus", "-b:a", "64k" })]
    [InlineData("m4a", "ffmpeg", new[] { "-c:a", "aac" })]
    [InlineData("aac", "ffmpeg", new[] { "-c:a", "aac", "-f", "adts" })]
    [InlineData("wma", "ffmpeg", new[] { "-c:a", "wmav2" })]
    [InlineData("wav", "ffmpeg", new[] { "-c:a", "pcm_alaw" })]
    public void AudioFormatsReachTheRecognizerAs16kMono(string extension, string decoder, string[] codec)
    {
        using var source = MediaOpener.Open(Make(extension, codec));
        Assert.Equal(decoder, source.Decoder);
        var x = Signal.ReadAll(source);
        // Lossy codecs add priming and padding of a few tens of milliseconds.
        Assert.InRange(x.Length / 16000.0, 1.95, 2.12);
        Assert.InRange(Signal.Amplitude(x.AsSpan(8000, 16000), 440, 16000), 0.44, 0.56);
        Assert.NotNull(source.Duration);
        Assert.InRange(source.Duration!.Value.TotalSeconds, 1.95, 2.12);
    }

    [NeedsTheory("ffmpeg")]
    [InlineData("mp4", new[] { "-c:v", "libx264", "-c:a", "aac" })]
    [InlineData("mkv", new[] { "-c:v", "libx264", "-c:a", "libopus" })]
    [InlineData("webm", new[] { "-c:v", "libvpx", "-c:a", "libopus" })]
    [InlineData("mov", new[] { "-c:v", "mpeg4", "-c:a", "aac" })]
    public void VideoContainersGiveTheirSoundtrack(string extension, string[] codec)
    {
        string wav = TestAudio.WriteWav(_dir.File("src.wav"), TestAudio.Tone(440, 2, 48000), 48000, TestAudio.Encoding.Pcm16, 2);
        string output = _dir.File("video." + extension);
        SpeechRequirements.Ffmpeg(["-f", "lavfi", "-i", "testsrc=size=160x90:rate=10:duration=2", "-i", wav, "-shortest", .. codec, output]);
        using var source = MediaOpener.Open(output);
        Assert.Equal("ffmpeg", source.Decoder);
        var x = Signal.ReadAll(source);
        Assert.InRange(x.Length / 16000.0, 1.9, 2.15);
        Assert.InRange(Signal.Amplitude(x.AsSpan(8000, 16000), 440, 16000), 0.44, 0.56);
    }

    [NeedsTheory("ffmpeg")]
    [InlineData(44100)]
    [InlineData(48000)]
    public void FfmpegsResamplingAlsoKeepsAliasingBelowMinus60Db(int rate)
    {
        string wav = TestAudio.WriteWav(_dir.File("sweep.wav"), TestAudio.Sweep(8600, (rate / 2.0) - 100, 4, rate), rate, TestAudio.Encoding.Ieee32, 2);
        string flac = _dir.File("sweep.flac");
        SpeechRequirements.Ffmpeg("-i", wav, "-c:a", "flac", "-sample_fmt", "s32", flac);
        using var source = MediaOpener.Open(flac);
        double db = Signal.WorstBlockDb(Signal.ReadAll(source));
        Assert.True(db < -60, $"aliasing at {db:F1} dB");
    }

    [NeedsFact("ffmpeg")]
    public void AVideoWithoutSoundSaysSo()
    {
        string output = _dir.File("silent.mp4");
        SpeechRequirements.Ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x90:rate=10:duration=1", "-c:v", "libx264", output);
        var e = Assert.Throws<MediaException>(() => MediaOpener.Open(output).Dispose());
        Assert.Contains(output, e.Message, StringComparison.Ordinal);
        Assert.Contains("no audio", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void WithoutFfmpegTheErrorSaysHowToInstallIt()
    {
        // A FLAC header is enough: the format needs ffmpeg, which is looked for in an empty folder.
        string flac = _dir.File("a.flac");
        File.WriteAllBytes(flac, [.. "fLaC"u8, 0, 0, 0, 34, .. new byte[34]]);
        var e = Assert.Throws<MediaException>(() => MediaOpener.Open(flac, new Ffmpeg(_dir.Path)).Dispose());
        Assert.Equal(Ffmpeg.InstallHint, e.Message);
    }
}
