namespace KannadaKit.Tokenizers.Tests.SentencePiece;

/// <summary>
/// SentencePiece models whose special ids are not pieces are refused when loading (regression: unk_id 999999 or -1
/// made the encoder emit ids that decode then rejected).
/// </summary>
public sealed class HostileSentencePieceModelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kk-hostile-spm-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The fixture with one more trainer_spec appended; protobuf merges it over the first.</summary>
    private string WithTrainerField(int field, long value)
    {
        var spec = new List<byte>();
        Varint(spec, ((ulong)field << 3) | 0);
        Varint(spec, (ulong)value);
        var bytes = new List<byte>(File.ReadAllBytes(Fixture.Spm("spm-unigram.model")));
        Varint(bytes, (2UL << 3) | 2);
        Varint(bytes, (ulong)spec.Count);
        bytes.AddRange(spec);
        var path = Path.Combine(_dir, "m.model");
        File.WriteAllBytes(path, [.. bytes]);
        return path;
    }

    /// <summary>The fixture with one more normalizer_spec whose precompiled_charsmap is <paramref name="charsmap"/>.</summary>
    private string WithCharsmap(byte[] charsmap)
    {
        var spec = new List<byte>();
        Varint(spec, (2UL << 3) | 2);
        Varint(spec, (ulong)charsmap.Length);
        spec.AddRange(charsmap);
        var bytes = new List<byte>(File.ReadAllBytes(Fixture.Spm("spm-unigram.model")));
        Varint(bytes, (3UL << 3) | 2);
        Varint(bytes, (ulong)spec.Count);
        bytes.AddRange(spec);
        var path = Path.Combine(_dir, "m.model");
        File.WriteAllBytes(path, [.. bytes]);
        return path;
    }

    private static void Varint(List<byte> output, ulong v)
    {
        while (v >= 0x80)
        {
            output.Add((byte)(v | 0x80));
            v >>= 7;
        }
        output.Add((byte)v);
    }

    [Theory]
    [InlineData(40, 999_999, "trainer_spec.unk_id")]
    [InlineData(40, -1, "trainer_spec.unk_id")]
    [InlineData(41, 999_999, "trainer_spec.bos_id")]
    [InlineData(42, -5, "trainer_spec.eos_id")]
    public void SpecialIdThatIsNotAPiece_IsRefused(int field, long value, string location)
    {
        var path = WithTrainerField(field, value);
        var e = Assert.Throws<TokenizerFormatException>(() => TokenizerFile.Load(path));
        Assert.Equal(location, e.Location);
        Assert.Contains("is not a piece id", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DisabledBos_StillLoads()
    {
        var tokenizer = TokenizerFile.Load(WithTrainerField(41, -1));
        Assert.NotEmpty(tokenizer.EncodeToIds("ಕನ್ನಡ"));
    }

    [Theory]
    [InlineData(0x7FFFFFF0u)]
    [InlineData(0xFFFFFFFCu)]
    [InlineData(13u)]
    public void CharsmapWhoseTrieExceedsTheBlob_IsRefused(uint trieSize)
    {
        // Regression: an internal error (FormatException escaped the loader).
        var charsmap = new byte[16];
        BitConverter.TryWriteBytes(charsmap, trieSize);
        var e = Assert.Throws<TokenizerFormatException>(() => TokenizerFile.Load(WithCharsmap(charsmap)));
        Assert.Equal("normalizer_spec.precompiled_charsmap", e.Location);
        Assert.Contains("trie", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CharsmapWithReplacementOffsetsPastItsEnd_EncodesWithoutThem()
    {
        // A one-unit trie whose root points nowhere: lookups fall through and the text stays as it is.
        var charsmap = new byte[4 + 4 + 4];
        BitConverter.TryWriteBytes(charsmap, 8u);
        BitConverter.TryWriteBytes(charsmap.AsSpan(4), 0xFFFFFC00u);
        var tokenizer = TokenizerFile.Load(WithCharsmap(charsmap));
        Assert.Equal("ಕನ್ನಡ", tokenizer.Decode(tokenizer.EncodeToIds("ಕನ್ನಡ")));
    }
}
