using KannadaKit.Testing;
using KannadaKit.Tokenizers.Tiktoken;
using MlTokenizer = Microsoft.ML.Tokenizers.Tokenizer;

namespace KannadaKit.Tokenizers.Tests.Tiktoken;

/// <summary>
/// Our reader of tiktoken rank files against Microsoft.ML.Tokenizers' TiktokenTokenizer on the real o200k_base file
/// (shipped, deflated, in Microsoft.ML.Tokenizers.Data.O200kBase): identical ids on our sentences and on every FLORES
/// line, Kannada and English; decode gives the text back; malformed rank files are one-line errors with the line.
/// </summary>
public sealed class TiktokenTests : IClassFixture<TiktokenTests.O200k>
{
    private readonly O200k _o200k;

    public TiktokenTests(O200k o200k) => _o200k = o200k;

    /// <summary>The o200k_base rank file written out once, both tokenizers loaded once.</summary>
    public sealed class O200k : IDisposable
    {
        private readonly TempDirectory _dir = new();

        public O200k()
        {
            Path = O200kRankFile.WriteTo(_dir.Path);
            Ours = TokenizerFile.Load(Path);
            Reference = Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForModel("gpt-4o");
        }

        public string Path { get; }

        public MlTokenizer Ours { get; }

        public MlTokenizer Reference { get; }

        public void Dispose() => _dir.Dispose();
    }

    [Fact]
    public void Load_O200kBase_GivesTiktokensIdsOnOurSentences()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(Fixture.Dir, "sentences.txt")))
        {
            Assert.Equal(_o200k.Reference.EncodeToIds(line), _o200k.Ours.EncodeToIds(line));
            Assert.Equal(line, _o200k.Ours.Decode(_o200k.Ours.EncodeToIds(line)));
        }
    }

    [SharedDataFact("corpora/flores200/kan_Knda.dev", "corpora/flores200/eng_Latn.dev")]
    public void Load_O200kBase_GivesTiktokensIdsOnEveryFloresLine()
    {
        foreach (var corpus in new[] { Corpora.FloresKn, Corpora.FloresEn })
        {
            var lines = File.ReadAllLines(SharedData.PathOf(corpus));
            var differing = lines.Where(l => !_o200k.Reference.EncodeToIds(l).SequenceEqual(_o200k.Ours.EncodeToIds(l))).ToList();
            Assert.True(differing.Count == 0, $"{corpus}: {differing.Count} of {lines.Length} lines differ, first: {differing.FirstOrDefault()}");
        }
    }

    [Fact]
    public void Load_SpecialTokenInText_IsOneId()
    {
        // A fresh reference: Microsoft.ML.Tokenizers 2.0.1's TiktokenTokenizer stops recognizing special tokens after
        // encoding about 1,160 FLORES lines (it then gives '<', '|', ... for <|endoftext|>), which the shared instance
        // has done when the FLORES test ran first.
        var reference = Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForModel("gpt-4o");
        Assert.Equal(reference.EncodeToIds("ಕನ್ನಡ<|endoftext|>"), _o200k.Ours.EncodeToIds("ಕನ್ನಡ<|endoftext|>"));
        Assert.Contains(199_999, _o200k.Ours.EncodeToIds("ಕನ್ನಡ<|endoftext|>"));
    }

    [Theory]
    [InlineData("YQ== 0\nYg==\n", "line 2", "expected 'BASE64 RANK'")]
    [InlineData("YQ== 0\n!!!! 1\n", "line 2", "expected a non-empty base64 token")]
    [InlineData("YQ== 0\nYg== -1\n", "line 2", "expected a rank from 0")]
    [InlineData("YQ== 0\nYQ== 1\n", "line 2", "this token is listed twice")]
    [InlineData("YQ== 0\nYg== 0\n", "line 2", "rank 0 is given to two tokens")]
    [InlineData("", "file", "no ranks")]
    public void Read_MalformedRankFile_NamesTheLineAndWhatWasExpected(string content, string location, string detail)
    {
        var e = Assert.Throws<TokenizerFormatException>(() =>
            TiktokenFile.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), "bad.tiktoken", "cl100k_base"));
        Assert.Equal(location, e.Location);
        Assert.StartsWith(detail, e.Detail, StringComparison.Ordinal);
        Assert.StartsWith("bad.tiktoken: " + location + ": ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownEncoding_ListsTheKnownOnes()
    {
        var e = Assert.Throws<TokenizerFormatException>(() =>
            TiktokenFile.Read(new MemoryStream("YQ== 0\n"u8.ToArray()), "mystery.tiktoken"));
        Assert.Contains("o200k_base, cl100k_base", e.Message, StringComparison.Ordinal);
    }
}
