using KannadaKit.Speech.Audio;
using KannadaKit.Testing;
using KannadaKit.Testing.Speech;

namespace KannadaKit.Speech.Tests;

/// <summary>A user's bad file gives one line naming it, never a crash; the file is never written.</summary>
public sealed class BadMediaTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void OneLine(MediaException e, string path, string expected)
    {
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    private MediaException Fails(string path)
    {
        byte[]? before = File.Exists(path) ? File.ReadAllBytes(path) : null;
        var e = Assert.Throws<MediaException>(() =>
        {
            using var s = MediaOpener.Open(path);
            Signal.ReadAll(s);
        });
        if (before is not null)
        {
            Assert.Equal(before, File.ReadAllBytes(path));
        }

        return e;
    }

    [Fact]
    public void MissingFile() => OneLine(Fails(_dir.File("none.wav")), _dir.File("none.wav"), "file not found");

    [Fact]
    public void ADirectory() => OneLine(Fails(_dir.Path), _dir.Path, "is a directory");

    [Fact]
    public void ZeroLength()
    {
        string p = _dir.File("empty.mp3");
        File.WriteAllBytes(p, []);
        OneLine(Fails(p), p, "empty file (0 bytes)");
    }

    [Fact]
    public void AWavWithABrokenFormatChunk()
    {
        string p = _dir.File("bad.wav");
        File.WriteAllBytes(p, [.. "RIFF"u8, 100, 0, 0, 0, .. "WAVEfmt "u8, 2, 0, 0, 0, 1, 0]);
        OneLine(Fails(p), p, "not a readable WAV file");
    }

    [Fact]
    public void ATruncatedWavGivesWhatItHas()
    {
        // Cut mid-sample: the samples that are there come through, the partial one is dropped, no exception.
        string p = TestAudio.WriteWav(_dir.File("t.wav"), TestAudio.Tone(440, 1, 16000), 16000, TestAudio.Encoding.Pcm16);
        var bytes = File.ReadAllBytes(p);
        File.WriteAllBytes(p, bytes[..(bytes.Length / 2 + 1)]);
        using var s = MediaOpener.Open(p);
        Assert.InRange(Signal.ReadAll(s).Length, 7900, 8000);
    }

    [NeedsFact("ffmpeg")]
    public void RandomBytesAreNotMedia()
    {
        string p = _dir.File("noise.mp4");
        var bytes = new byte[50_000];
        new Random(7).NextBytes(bytes);
        OneLine(Fails(p.Also(f => File.WriteAllBytes(f, bytes))), p, ":");
    }

    [NeedsFact("ffmpeg")]
    public void TextNamedLikeAudio()
    {
        string p = _dir.File("notes.ogg");
        File.WriteAllText(p, "ಇದು ಧ್ವನಿ ಅಲ್ಲ, ಪಠ್ಯ.\n");
        OneLine(Fails(p), p, ":");
    }

    [NeedsFact("ffmpeg")]
    public void ACorruptMiddleOfAnMp3()
    {
        string wav = TestAudio.WriteWav(_dir.File("s.wav"), TestAudio.Tone(440, 2, 44100), 44100, TestAudio.Encoding.Pcm16);
        string mp3 = _dir.File("s.mp3");
        SpeechRequirements.Ffmpeg("-i", wav, "-c:a", "libmp3lame", mp3);
        var bytes = File.ReadAllBytes(mp3);
        new Random(3).NextBytes(bytes.AsSpan(bytes.Length / 3, bytes.Length / 3));
        File.WriteAllBytes(mp3, bytes);
        // Either decodes around the damage or fails in one line; never anything else.
        try
        {
            using var s = MediaOpener.Open(mp3);
            Assert.True(Signal.ReadAll(s).Length > 0);
        }
        catch (MediaException e)
        {
            OneLine(e, mp3, ":");
        }
    }
}

internal static class PathExtensions
{
    public static string Also(this string path, Action<string> action)
    {
        action(path);
        return path;
    }
}
