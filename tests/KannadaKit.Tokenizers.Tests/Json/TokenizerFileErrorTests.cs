using KannadaKit.Tokenizers.SentencePiece;

namespace KannadaKit.Tokenizers.Tests.Json;

/// <summary>Bad tokenizer files fail with one message naming the file, where in it, and what was expected.</summary>
public sealed class TokenizerFileErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kk-tok-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void TruncatedJsonNamesFileAndLine()
    {
        var full = File.ReadAllText(Fixture.Hf("wordpiece-bert.json"));
        var path = Write("truncated.json", full[..(full.Length / 2)]);
        var e = Assert.Throws<TokenizerFormatException>(() => HfTokenizer.FromFile(path));
        Assert.Equal(path, e.File);
        Assert.StartsWith("line ", e.Location, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownModelTypeNamesTheJsonPath()
    {
        var path = Write("t.json", """{"version":"1.0","model":{"type":"Bogus","vocab":{}}}""");
        var e = Assert.Throws<TokenizerFormatException>(() => HfTokenizer.FromFile(path));
        Assert.Equal("$.model.type", e.Location);
        Assert.Contains("unknown model type \"Bogus\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeNamingAMissingTokenNamesTheMerge()
    {
        var path = Write("t.json", """
            {"version":"1.0","model":{"type":"BPE","vocab":{"ಕ":0,"ನ":1,"ಕನ":2},"merges":[["ಕ","ನ"],["ಕನ","ಡ"]]}}
            """);
        var e = Assert.Throws<TokenizerFormatException>(() => HfTokenizer.FromFile(path));
        Assert.Equal("$.model.merges[1]", e.Location);
        Assert.Contains("\"ಡ\"", e.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ": $.model.merges[1]: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APairListedTwiceTakesItsLastRankAsInTheHfLibrary()
    {
        // Ranks: (ಕ,ನ) 0 and again 2; (ನ,ಡ) 1. The last rank wins, so ನಡ forms first: ಕ + ನಡ.
        var tokenizer = HfTokenizer.FromJson("""
            {"version":"1.0","model":{"type":"BPE","vocab":{"ಕ":0,"ನ":1,"ಡ":2,"ಕನ":3,"ನಡ":4,"ಕನಡ":5},
             "merges":[["ಕ","ನ"],["ನ","ಡ"],["ಕ","ನ"]]}}
            """);
        Assert.Equal([0, 4], tokenizer.EncodeToIds("ಕನಡ"));
    }

    [Fact]
    public void LegacyMergeStringWithoutOneSpaceIsRejected()
    {
        var path = Write("t.json", """{"version":"1.0","model":{"type":"BPE","vocab":{"a":0},"merges":["a b c"]}}""");
        var e = Assert.Throws<TokenizerFormatException>(() => HfTokenizer.FromFile(path));
        Assert.Equal("$.model.merges[0]", e.Location);
    }

    [Fact]
    public void WrongValueTypeSaysWhatWasExpected()
    {
        var path = Write("t.json", """{"version":"1.0","normalizer":{"type":"Strip","strip_left":"yes"},"model":{"type":"WordLevel","vocab":{},"unk_token":"x"}}""");
        var e = Assert.Throws<TokenizerFormatException>(() => HfTokenizer.FromFile(path));
        Assert.Equal("$.normalizer.strip_left", e.Location);
        Assert.Contains("expected true or false", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownComponentTypesAreNamed()
    {
        var path = Write("t.json", """{"version":"1.0","pre_tokenizer":{"type":"Sequence","pretokenizers":[{"type":"Whitespace"},{"type":"Nope"}]},"model":{"type":"WordLevel","vocab":{},"unk_token":"x"}}""");
        var e = Assert.Throws<TokenizerFormatException>(() => HfTokenizer.FromFile(path));
        Assert.Equal("$.pre_tokenizer.pretokenizers[1].type", e.Location);
    }

    [Fact]
    public void MissingFileIsAFormatErrorNotACrash()
    {
        var e = Assert.Throws<TokenizerFormatException>(() => TokenizerFile.Load(Path.Combine(_dir, "absent.json")));
        Assert.Contains("no such file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedSentencePieceModelNamesAByteOffset()
    {
        var bytes = File.ReadAllBytes(Fixture.Spm("spm-unigram.model"));
        var path = Path.Combine(_dir, "cut.model");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
        var e = Assert.Throws<TokenizerFormatException>(() => SentencePieceTokenizer.FromFile(path));
        Assert.StartsWith("byte ", e.Location, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnigramWithoutUnknownPieceFailsClearlyOnUncoveredText()
    {
        var tokenizer = HfTokenizer.FromJson("""{"version":"1.0","model":{"type":"Unigram","unk_id":null,"vocab":[["ಕ",-1.0],["ನ",-2.0]]}}""");
        Assert.Equal([0, 1], tokenizer.EncodeToIds("ಕನ"));
        var e = Assert.Throws<TokenizerException>(() => tokenizer.EncodeToIds("ಕಡ"));
        Assert.Contains("unk_id", e.Message, StringComparison.Ordinal);
    }
}
