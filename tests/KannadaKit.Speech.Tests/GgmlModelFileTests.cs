using System.Text;
using KannadaKit.Speech.Recognition;
using KannadaKit.Testing;
using KannadaKit.Testing.Whisper;

namespace KannadaKit.Speech.Tests;

/// <summary>A bad model is refused in one line before whisper.cpp, which aborts the process on most of these, sees it.</summary>
public sealed class GgmlModelFileTests(TinyModelFixture model) : IClassFixture<TinyModelFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Variant(string name, Func<byte[], byte[]> change)
    {
        string path = _dir.File(name);
        File.WriteAllBytes(path, change(File.ReadAllBytes(model.Path)));
        return path;
    }

    private static MediaException Refused(string path, string expected)
    {
        var e = Assert.Throws<MediaException>(() => GgmlModelFile.Check(path));
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), e.Message);
        Assert.DoesNotContain('\n', e.Message);
        // The recognizer runs the same check first: a bad model never reaches the native library.
        var opened = Assert.Throws<MediaException>(() => WhisperRecognizer.Open(path).Dispose());
        Assert.Equal(e.Message, opened.Message);
        return e;
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);

    [Fact]
    public void TheGeneratedModelReadsAsWhatItIs()
    {
        var info = GgmlModelFile.Check(model.Path);
        Assert.Equal((51865, 64, 2, 1, 1, 80, 1), (info.VocabularySize, info.AudioState, info.AudioHeads, info.AudioLayers, info.TextLayers, info.Mels, info.FileType));
        Assert.True(info.IsMultilingual);
        Assert.Equal("custom", info.SizeName);
        Assert.Equal("f16", info.WeightType);
    }

    [Theory]
    [InlineData(4, 384, 80, 4, 51865, "tiny")]
    [InlineData(4, 384, 80, 4, 51864, "tiny.en")]
    [InlineData(12, 768, 80, 12, 51865, "small")]
    [InlineData(32, 1280, 128, 32, 51866, "large-v3")]
    [InlineData(32, 1280, 128, 4, 51866, "large-v3-turbo")]
    public void StandardSizesAreNamedForTheirAlignmentHeads(int layers, int width, int mels, int textLayers, int vocab, string name)
    {
        var info = new GgmlModelInfo("m", vocab, width, width / 64, layers, width, width / 64, textLayers, mels, 1, 0);
        Assert.Equal(name, info.SizeName);
        var (preset, top) = WhisperRecognizer.AlignmentHeads(info);
        Assert.NotEqual(Whisper.net.WhisperAlignmentHeadsPreset.NTopMost, preset);
        Assert.InRange(top, 1, textLayers);
    }

    [Fact]
    public void MissingFile() => Assert.Contains("model file not found", Assert.Throws<MediaException>(() => GgmlModelFile.Check(_dir.File("ggml-none.bin"))).Message, StringComparison.Ordinal);

    [Fact]
    public void NotAModelAtAll()
    {
        string p = _dir.File("notes.bin");
        File.WriteAllText(p, "ಇದು ಮಾದರಿ ಅಲ್ಲ");
        Refused(p, "expected magic 'ggml' at byte 0");
    }

    [Fact]
    public void AGgufFileIsNamedAsSuch()
    {
        string p = _dir.File("model.gguf");
        File.WriteAllBytes(p, [.. "GGUF"u8, 3, 0, 0, 0, .. new byte[64]]);
        Refused(p, "expected magic 'ggml' at byte 0");
    }

    [Fact]
    public void AllF32WeightsAreRefusedWithTheReason() =>
        Refused(Variant("f32.bin", b => { b[44] = 0; return b; }), "byte 44: not a usable ggml Whisper model: all-f32 weights (ftype 0)");

    [Fact]
    public void AWrongVocabularySize() =>
        Refused(Variant("vocab.bin", b => { BitConverter.TryWriteBytes(b.AsSpan(4), 1234); return b; }), "n_vocab 1234");

    [Fact]
    public void NoSingleSpaceToken()
    {
        // The 256 single bytes come first in the vocabulary: length 1, then the byte. Make the space a second '!'.
        Refused(Variant("nospace.bin", b =>
        {
            int at = IndexOf(b, [1, 0, 0, 0, 0x1F, 1, 0, 0, 0, 0x20]);
            Assert.True(at > 0);
            b[at + 9] = 0x21;
            return b;
        }), "no single-space token");
    }

    [Fact]
    public void AMissingTensorIsNamed()
    {
        Refused(Variant("renamed.bin", b =>
        {
            int at = IndexOf(b, "decoder.ln.weight"u8);
            b[at + 8] = (byte)'X';
            return b;
        }), "missing 1 tensors for 1+1 layers, first 'decoder.ln.weight'");
    }

    [Fact]
    public void AnUnknownTensorTypeIsRefused()
    {
        Refused(Variant("type.bin", b =>
        {
            // A tensor header is n_dims, name length, type, dims, name: the type sits 4 bytes after the name length.
            int name = IndexOf(b, "encoder.conv1.weight"u8);
            int type = name - (3 * 4) - 4;
            BitConverter.TryWriteBytes(b.AsSpan(type), 99);
            return b;
        }), "tensor type is 99, expected");
    }

    [Fact]
    public void TruncationAnywhereIsRefusedWithItsOffset()
    {
        long length = new FileInfo(model.Path).Length;
        var rng = new Random(5);
        // Cuts in the header, the mel filters, the vocabulary and the tensors, and one byte short of the end.
        foreach (long cut in new long[] { 3, 20, 60, 1000, 70_000, 300_000, length / 2, length - 1 }.Concat(Enumerable.Range(0, 12).Select(_ => rng.NextInt64(8, length))))
        {
            string p = Variant($"cut{cut}.bin", b => b[..(int)cut]);
            var e = Assert.Throws<MediaException>(() => GgmlModelFile.Check(p));
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(e.Message, "byte [0-9]+: not a usable ggml Whisper model: .*truncated"), e.Message);
        }
    }

    [Fact]
    public void ByteFlipsNeverGetPastTheCheckUnnoticedOrCrash()
    {
        // A header byte changed at random: either still a model whisper.cpp can load (and then it does, without
        // crashing the process) or refused in one line that names the file. A sweep of 1,152 flips found two native
        // crashes (n_vocab off the three Whisper sizes, an unmapped ftype) that the checks now refuse.
        var rng = new Random(11);
        int refused = 0;
        for (int i = 0; i < 40; i++)
        {
            int at = rng.Next(0, 48);
            byte value = (byte)rng.Next(256);
            string p = Variant($"flip{i}.bin", b => { b[at] = value; return b; });
            try
            {
                using var r = WhisperRecognizer.Open(p, new RecognizerOptions { BeamSize = 1, BestOf = 1, Dtw = false });
                r.Recognize(new float[16000], TimeSpan.Zero);
            }
            catch (MediaException e)
            {
                refused++;
                Assert.DoesNotContain('\n', e.Message);
                Assert.StartsWith(p + ": ", e.Message, StringComparison.Ordinal);
            }
        }

        Assert.InRange(refused, 30, 40);
    }

    [Fact]
    public void AnEnglishOnlyModelCannotTranscribeKannada()
    {
        string p = new TinyWhisperModel { VocabularySize = 51864 }.WriteTo(_dir.File("ggml-en.bin"));
        var e = Assert.Throws<MediaException>(() => WhisperRecognizer.Open(p).Dispose());
        Assert.Contains("English-only model", e.Message, StringComparison.Ordinal);
    }
}
