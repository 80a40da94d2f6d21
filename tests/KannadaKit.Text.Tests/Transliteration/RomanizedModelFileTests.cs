using System.Security.Cryptography;
using KannadaKit.Text.Transliteration.Romanized;

namespace KannadaKit.Text.Tests.Transliteration;

/// <summary>
/// A damaged .kkrm file is an <see cref="InvalidDataException"/> saying what is wrong, never another exception and
/// never a model that answers wrongly (regressions: negative counts, a string length past the end of the file and NaN
/// weights were internal errors or were accepted; a flipped bit went unnoticed).
/// </summary>
public sealed class RomanizedModelFileTests
{
    // Header: magic 8, version 4, order 4, LM weight 8, lexicon weight 8, beam 4, readings 4, two windows 8 + 8.
    private const int LmWeightOffset = 16;
    private const int SymbolCountOffset = 56;
    private const int FirstSymbolOffset = 60;

    private static byte[] Saved()
    {
        using var buffer = new MemoryStream();
        RomanizedDecoderTests.TinyModel.Save(buffer);
        return buffer.ToArray();
    }

    private static InvalidDataException LoadFails(byte[] file) =>
        Assert.Throws<InvalidDataException>(() => RomanizedModel.Load(new MemoryStream(file)));

    /// <summary>The file with its body edited and the checksum made to match again, to reach the validation behind it.</summary>
    private static byte[] Edited(Action<byte[]> edit)
    {
        var file = Saved();
        edit(file);
        SHA256.HashData(file.AsSpan(0, file.Length - 32)).CopyTo(file, file.Length - 32);
        return file;
    }

    [Fact]
    public void SavedModel_Loads()
    {
        var loaded = RomanizedModel.Load(new MemoryStream(Saved()));
        Assert.Equal(RomanizedDecoderTests.TinyModel.Lexicon.Count, loaded.Lexicon.Count);
    }

    [Fact]
    public void EveryFlippedBit_IsFound()
    {
        var file = Saved();
        var rng = new Random(12);
        var positions = Enumerable.Range(0, 80).Concat(Enumerable.Range(0, 400).Select(_ => rng.Next(file.Length))).Concat([file.Length - 1]);
        foreach (var at in positions)
        {
            var copy = (byte[])file.Clone();
            copy[at] ^= (byte)(1 << rng.Next(8));
            var e = LoadFails(copy);
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    [Fact]
    public void NaNWeight_IsRefused()
    {
        var e = LoadFails(Edited(f => BitConverter.TryWriteBytes(f.AsSpan(LmWeightOffset), double.NaN)));
        Assert.Contains("LM weight", e.Message, StringComparison.Ordinal);
        Assert.Contains("finite", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void SymbolCountOutOfRange_IsRefused(int count)
    {
        var e = LoadFails(Edited(f => BitConverter.TryWriteBytes(f.AsSpan(SymbolCountOffset), count)));
        Assert.Contains($"symbol count {count}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StringLengthPastTheEnd_IsRefused()
    {
        var e = LoadFails(Edited(f => new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x07 }.CopyTo(f, FirstSymbolOffset)));
        Assert.Contains("runs past the end", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_IsRefusedAtEveryLength()
    {
        var file = Saved();
        foreach (var length in new[] { 0, 4, 8, 11, 12, 40, file.Length / 2, file.Length - 33, file.Length - 1 })
        {
            LoadFails(file[..length]);
        }
    }

    [Fact]
    public void OlderFormat_SaysToTrainAgain()
    {
        var e = LoadFails(Edited(f => BitConverter.TryWriteBytes(f.AsSpan(8), 2)));
        Assert.Contains("train it again", e.Message, StringComparison.Ordinal);
    }
}
