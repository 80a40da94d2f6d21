using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KannadaKit.Testing;
using KannadaKit.Tokenizers.PreTokenizers;
using KannadaKit.Tokenizers.Tiktoken;

namespace KannadaKit.Tokenizers.Tests.PreTokenizers;

/// <summary>
/// Patterns that backtrack exponentially run on the linear-time engine or are refused, and normalization cannot
/// grow text without bound (regressions: the 10 s timeout was per match, so 40 lines of <c>(a+)+$</c> ran for
/// minutes; four chained Replace normalizers reached 23.7 GB).
/// </summary>
public sealed class RegexHazardTests
{
    [Theory]
    [InlineData("(a+)+$")]
    [InlineData("(a|a)*b")]
    [InlineData(@"(?:\w+\s?)*$")]
    [InlineData("(x*)*y")]
    [InlineData("((ab)*c)+")]
    [InlineData("(a{1,5}){2,}")]
    [InlineData("(?i:(a|b)+)*")]
    public void NestedRepetition_IsFlagged(string pattern) => Assert.True(RegexHazard.HasNestedRepetition(pattern));

    [Theory]
    [InlineData("(?>a+)+")]
    [InlineData("(ab)+")]
    [InlineData("a+b+")]
    [InlineData("(a+)?")]
    [InlineData("(a+){3}")]
    [InlineData(@"[(a+)]+")]
    [InlineData(@"\(a+\)+")]
    [InlineData(@"[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+")]
    [InlineData(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+")]
    public void OrdinaryPatterns_AreNotFlagged(string pattern) => Assert.False(RegexHazard.HasNestedRepetition(pattern));

    [Fact]
    public void TiktokenPatterns_AreNotFlagged()
    {
        // The real encodings keep the compiled backtracking engine (it is the fast one).
        Assert.NotEmpty(TiktokenEncoding.Known);
        foreach (var (name, encoding) in TiktokenEncoding.Known)
        {
            Assert.False(RegexHazard.HasNestedRepetition(encoding.Pattern), name);
        }
    }

    [Fact]
    public void HazardousPattern_RunsOnTheLinearEngine_WithTheSameMatches()
    {
        var regex = OnigurumaRegex.Create("(a+)+b|(ಕ|ಕ)+");
        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking));
        var backtracking = new Regex("(a+)+b|(ಕ|ಕ)+", RegexOptions.CultureInvariant);
        foreach (var text in new[] { "xaab aaab ಕಕ b", "ಕನ್ನಡ aaaab ಕಕಕ", "ab ba ಕ" })
        {
            Assert.Equal(Matches(backtracking, text), Matches(regex, text));
        }

        // 5,000 a's without the b: the backtracking engine would try 2^5000 ways.
        Assert.Empty(Matches(regex, new string('a', 5000)));
    }

    [Fact]
    public void HazardousPatternWithLookaround_IsRefusedWhenLoading()
    {
        using var dir = new TempDirectory();
        var file = WithSplit(dir, "(a+)+(?=b)");
        var e = Assert.Throws<TokenizerFormatException>(() => TokenizerFile.Load(file));
        Assert.Contains("exponential time", e.Message, StringComparison.Ordinal);
        Assert.Equal(file, e.File);
    }

    [Fact]
    public void HazardousSplit_EncodesLongLinesOfTheBadCase()
    {
        using var dir = new TempDirectory();
        var tokenizer = TokenizerFile.Load(WithSplit(dir, "(a+)+$"));
        var line = new string('a', 2000) + "b ಕನ್ನಡ";
        for (var i = 0; i < 40; i++)
        {
            Assert.NotEmpty(tokenizer.EncodeToIds(line));
        }
    }

    [Fact]
    public void ChainedReplaceNormalizers_ThatGrowTheText_AreRefused()
    {
        var hundred = new string('a', 100);
        var step = new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["String"] = "a" }, ["content"] = hundred };
        var over = new JsonObject
        {
            ["normalizer"] = new JsonObject { ["type"] = "Sequence", ["normalizers"] = new JsonArray(step.DeepClone(), step.DeepClone(), step.DeepClone(), step.DeepClone()) },
        };
        using var dir = new TempDirectory();
        var file = dir.File("tokenizer.json");
        File.WriteAllText(file, Fixture.WithOverride(File.ReadAllText(Fixture.Hf("bytelevel-bpe.json")), over));
        var tokenizer = TokenizerFile.Load(file);
        var e = Assert.Throws<TokenizerException>(() => tokenizer.EncodeToIds("ಕನ್ನಡ a ನಾಡು"));
        Assert.Contains("16 times longer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceNormalizer_ThatKeepsTheLength_IsUnbounded()
    {
        var over = new JsonObject
        {
            ["normalizer"] = new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["String"] = " " }, ["content"] = "\u2581" },
        };
        using var dir = new TempDirectory();
        var file = dir.File("tokenizer.json");
        File.WriteAllText(file, Fixture.WithOverride(File.ReadAllText(Fixture.Hf("bytelevel-bpe.json")), over));
        var tokenizer = TokenizerFile.Load(file);
        Assert.NotEmpty(tokenizer.EncodeToIds(string.Join(' ', Enumerable.Repeat("ಕನ್ನಡ", 20_000))));
    }

    private static string[] Matches(Regex regex, string text) =>
        regex.Matches(text).Select(m => $"{m.Index}:{m.Value}").ToArray();

    private static string WithSplit(TempDirectory dir, string pattern)
    {
        var file = dir.File("tokenizer.json");
        File.WriteAllText(file, Fixture.ByteLevelWithSplit(pattern));
        return file;
    }
}
