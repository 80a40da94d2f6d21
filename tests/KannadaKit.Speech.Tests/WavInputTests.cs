using KannadaKit.Speech.Audio;
using KannadaKit.Testing;
using KannadaKit.Testing.Speech;

namespace KannadaKit.Speech.Tests;

public class WavInputTests
{
    public static TheoryData<TestAudio.Encoding, int, int, bool> Layouts()
    {
        var data = new TheoryData<TestAudio.Encoding, int, int, bool>();
        foreach (var e in Enum.GetValues<TestAudio.Encoding>())
        {
            data.Add(e, 16000, 1, false);
            data.Add(e, 44100, 2, false);
            data.Add(e, 48000, 6, true);
        }

        data.Add(TestAudio.Encoding.Pcm16, 8000, 1, false);
        data.Add(TestAudio.Encoding.Pcm16, 22050, 2, true);
        data.Add(TestAudio.Encoding.Ieee32, 96000, 3, true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryWavLayoutReachesTheRecognizerAs16kMonoWithTheToneIntact(TestAudio.Encoding encoding, int rate, int channels, bool extensible)
    {
        using var dir = new TempDirectory();
        // 1.5 s of 440 Hz at half scale on every channel: a correct downmix and resample give it back at 16 kHz.
        var path = TestAudio.WriteWav(dir.File("tone.wav"), TestAudio.Tone(440, 1.5, rate), rate, encoding, channels, extensible);
        using var source = MediaOpener.Open(path);
        Assert.Equal("wav", source.Decoder);
        Assert.Equal(1.5, source.Duration!.Value.TotalSeconds, 2);
        var x = Signal.ReadAll(source);
        Assert.InRange(x.Length, 24000 - 16, 24000 + 16);
        var middle = x.AsSpan(4000, 16000);
        double amplitude = Signal.Amplitude(middle, 440, AudioSource.SampleRate);
        Assert.Equal(0.5, amplitude, 2);
        // Nothing but the tone: the rest is quantisation noise (8-bit's is the loudest, about −45 dB).
        double rms = Signal.Rms(middle);
        double residual = Math.Sqrt(Math.Max(0, (rms * rms) - (amplitude * amplitude / 2)));
        Assert.True(Signal.Db(residual / 0.5) < (encoding == TestAudio.Encoding.Pcm8 ? -38 : -55), $"residual {Signal.Db(residual / 0.5):F1} dB");
        Assert.Equal(TimeSpan.FromSeconds(x.Length / 16000.0), source.Position);
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(22050)]
    public void ASweepAboveTheNewNyquistLeavesAliasingBelowMinus60Db(int rate)
    {
        using var dir = new TempDirectory();
        // A sweep from just above 8 kHz to just below the input's Nyquist: after 16 kHz resampling all of it must be gone.
        double top = (rate / 2.0) - 100;
        var path = TestAudio.WriteWav(dir.File("sweep.wav"), TestAudio.Sweep(8600, top, 4, rate), rate, TestAudio.Encoding.Ieee32);
        using var source = MediaOpener.Open(path);
        double db = Signal.WorstBlockDb(Signal.ReadAll(source));
        Assert.True(db < -60, $"aliasing at {db:F1} dB");
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    public void ThePassbandComesThroughFlat(int rate)
    {
        using var dir = new TempDirectory();
        var path = TestAudio.WriteWav(dir.File("sweep.wav"), TestAudio.Sweep(100, 7000, 4, rate), rate, TestAudio.Encoding.Ieee32);
        using var source = MediaOpener.Open(path);
        var x = Signal.ReadAll(source);
        for (int i = 1600; i + 1600 <= x.Length - 1600; i += 1600)
        {
            double db = Signal.Db(Signal.Rms(x.AsSpan(i, 1600)) / (0.5 / Math.Sqrt(2)));
            Assert.InRange(db, -0.5, 0.5);
        }
    }

    [Fact]
    public void A16kMonoWavPassesThroughBitExact()
    {
        using var dir = new TempDirectory();
        var tone = TestAudio.Tone(300, 1, 16000);
        var path = TestAudio.WriteWav(dir.File("t.wav"), tone, 16000, TestAudio.Encoding.Ieee32);
        using var source = MediaOpener.Open(path);
        Assert.Equal(tone, Signal.ReadAll(source));
    }

    [Fact]
    public void ReadingUsesSmallBuffersOfAnySize()
    {
        using var dir = new TempDirectory();
        var path = TestAudio.WriteWav(dir.File("t.wav"), TestAudio.Tone(440, 1, 44100), 44100, TestAudio.Encoding.Pcm16, 2);
        using var a = MediaOpener.Open(path);
        using var b = MediaOpener.Open(path);
        var whole = Signal.ReadAll(a);
        var pieces = new List<float>();
        var buffer = new float[7];
        int n;
        while ((n = b.Read(buffer.AsSpan(0, 1 + (pieces.Count % 7)))) > 0)
        {
            pieces.AddRange(buffer.AsSpan(0, n));
        }

        // The same samples whatever the read size (to rounding: the filter phase is a running double).
        Assert.Equal(whole.Length, pieces.Count);
        Assert.All(Enumerable.Range(0, whole.Length), i => Assert.Equal(whole[i], pieces[i], 1e-6f));
    }

    [SharedDataFact("speech/real/kannada_sample_1.wav")]
    public void TheSharedKannadaRecordingDecodes()
    {
        using var source = MediaOpener.Open(SharedData.PathOf("speech/real/kannada_sample_1.wav"));
        var x = Signal.ReadAll(source);
        Assert.Equal(4.911, x.Length / 16000.0, 2);
        Assert.Contains("16000 Hz 1 ch", source.SourceFormat, StringComparison.Ordinal);
        Assert.True(Signal.Rms(x) > 0.01);
    }
}
