using System.Text.Json.Nodes;
using KannadaKit.Testing;

namespace KannadaKit.Cli.Tests.Commands;

/// <summary>kannadakit tokenizer encode|decode|stats|train as processes, on the committed HF-generated fixtures.</summary>
public sealed class TokenizerCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    private static string Fixture(string relative) =>
        Path.Combine(SharedData.RepoRoot, "tests", "KannadaKit.Tokenizers.Tests", "Fixtures", relative);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void EncodeWritesOneLineOfIdsPerInputLineMatchingHuggingFace()
    {
        // The HF library's ids for the first sentences, recorded in the fixture.
        var rows = File.ReadLines(Fixture("hf/bytelevel-bpe.sentences.jsonl")).Take(5).Select(l => JsonNode.Parse(l)!).ToList();
        var input = string.Join('\n', rows.Select(r => r["text"]!.GetValue<string>())) + "\n";
        var result = _cli.Run(input, "tokenizer", "encode", "--tokenizer", Fixture("hf/bytelevel-bpe.json"));
        Assert.Equal(0, result.ExitCode);
        var lines = result.Text.TrimEnd('\n').Split('\n');
        Assert.Equal(rows.Count, lines.Length);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(string.Join(' ', rows[i]["ids"]!.AsArray().Select(n => n!.GetValue<int>())), lines[i]);
        }

        var plain = _cli.Run(input, "tokenizer", "encode", "-t", Fixture("hf/bytelevel-bpe.json"), "--special-tokens", "off");
        Assert.Equal(string.Join(' ', rows[0]["ids_plain"]!.AsArray().Select(n => n!.GetValue<int>())), plain.Text.Split('\n')[0]);
    }

    [Fact]
    public void EmptyLinesStayLines()
    {
        var result = _cli.Run("ಕನ್ನಡ\n\nಭಾಷೆ\n", "tokenizer", "encode", "-t", Fixture("spm/spm-unigram.model"));
        Assert.Equal(0, result.ExitCode);
        var lines = result.Text.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal(string.Empty, lines[1]);
    }

    [Fact]
    public void JsonlCarriesTokensAndCodePointOffsets()
    {
        var result = _cli.Run("ಕನ್ನಡ ಭಾಷೆ\n", "tokenizer", "encode", "-t", Fixture("hf/bpe-bytefallback.json"), "--format", "jsonl", "--special-tokens", "off");
        var row = JsonNode.Parse(result.Text)!;
        Assert.Equal(["▁ಕನ್ನಡ", "▁ಭಾಷೆ"], row["tokens"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("[[0,5],[5,10]]", row["offsets"]!.ToJsonString());
    }

    [Fact]
    public void DecodeInvertsEncode()
    {
        const string text = "ಬೆಂಗಳೂರು ಕರ್ನಾಟಕ ರಾಜ್ಯದ ರಾಜಧಾನಿ.\nThe quick brown fox.\n";
        var ids = _cli.Run(text, "tokenizer", "encode", "-t", Fixture("hf/bytelevel-bpe.json")).Text;
        var back = _cli.Run(ids, "tokenizer", "decode", "-t", Fixture("hf/bytelevel-bpe.json"));
        Assert.Equal(0, back.ExitCode);
        Assert.Equal(text, back.Text);
    }

    [Fact]
    public void DecodeRejectsANonIdWithFileAndLine()
    {
        var file = _cli.Write("ids.txt", "1 2 3\n4 x 5\n");
        _cli.Run("", "tokenizer", "decode", "-t", Fixture("hf/wordpiece-bert.json"), file).AssertOneLineError("ids.txt:2", "\"x\"");
    }

    [Fact]
    public void BadTokenizerFileGivesOneLineNamingTheJsonPath()
    {
        var bad = _cli.Write("bad.json", """{"version":"1.0","model":{"type":"BPE","vocab":{"a":0},"merges":[["a","b"]]}}""");
        _cli.Run("a\n", "tokenizer", "encode", "-t", bad).AssertOneLineError("bad.json", "$.model.merges[0]", "\"b\"");
        var truncated = _cli.Write("cut.json", "{\"version\":\"1.0\",\"model\":{\"type\":");
        _cli.Run("a\n", "tokenizer", "encode", "-t", truncated).AssertOneLineError("cut.json", "not valid JSON");
    }

    [Fact]
    public void StatsReportsFertilityAndAksharaSplits()
    {
        var corpus = _cli.Write("c.txt", "ಕನ್ನಡ ಭಾಷೆ\nನಮಸ್ಕಾರ, ನಿಮ್ಮ ಹೆಸರು ಏನು?\n");
        var result = _cli.Run("", "tokenizer", "stats", "-t", Fixture("hf/bytelevel-bpe.json"), corpus);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("words                6", result.Text, StringComparison.Ordinal);
        Assert.Contains("tokens per word", result.Text, StringComparison.Ordinal);
        Assert.Contains("aksharas split", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainWritesALoadableTokenizerAtomically()
    {
        var corpus = _cli.Write("corpus.txt", string.Concat(Enumerable.Repeat("ಕನ್ನಡ ಭಾಷೆ ಮತ್ತು ಕರ್ನಾಟಕ ರಾಜ್ಯ.\nThe language of Karnataka.\n", 20)));
        var output = _cli.PathOf("tok.json");
        var result = _cli.Run("", "tokenizer", "train", "--type", "bytelevel-bpe", "--vocab-size", "400", "-o", output, corpus);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("trained bytelevel-bpe", result.Stderr, StringComparison.Ordinal);
        var ids = _cli.Run("ಕನ್ನಡ ಭಾಷೆ\n", "tokenizer", "encode", "-t", output).Text;
        Assert.Equal("ಕನ್ನಡ ಭಾಷೆ\n", _cli.Run(ids, "tokenizer", "decode", "-t", output).Text);
        Assert.DoesNotContain(Directory.GetFiles(_cli.Directory), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void TrainRejectsATinyVocabulary()
    {
        var corpus = _cli.Write("corpus.txt", "ಕನ್ನಡ\n");
        _cli.Run("", "tokenizer", "train", "--type", "bpe", "--vocab-size", "10", "-o", _cli.PathOf("t.json"), corpus)
            .AssertOneLineError("--vocab-size 10");
        Assert.False(File.Exists(_cli.PathOf("t.json")));
    }

    [Fact]
    public void TrainShortestSuperwordTokenizerWithCollapsedWhitespace()
    {
        var corpus = _cli.Write("corpus.txt", string.Concat(Enumerable.Repeat("ಕನ್ನಡ ಭಾಷೆ ಮತ್ತು ಕರ್ನಾಟಕ ರಾಜ್ಯ.\nThe language of Karnataka.\n", 20)));
        var output = _cli.PathOf("tok.json");
        var result = _cli.Run("", "tokenizer", "train", "--type", "bytelevel-bpe", "--vocab-size", "400", "--superword-share", "0.1",
            "--segmentation", "shortest", "--collapse-whitespace", "-o", output, corpus);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Unigram", JsonNode.Parse(File.ReadAllText(output))!["model"]!["type"]!.GetValue<string>());
        var ids = _cli.Run("  ಕನ್ನಡ   ಭಾಷೆ \n", "tokenizer", "encode", "-t", output).Text;
        Assert.Equal(_cli.Run("ಕನ್ನಡ ಭಾಷೆ\n", "tokenizer", "encode", "-t", output).Text, ids);
        Assert.Equal("ಕನ್ನಡ ಭಾಷೆ\n", _cli.Run(ids, "tokenizer", "decode", "-t", output).Text);
    }

    [Fact]
    public void TrainRejectsShortestSegmentationForCharacterBpe()
    {
        var corpus = _cli.Write("corpus.txt", "ಕನ್ನಡ\n");
        _cli.Run("", "tokenizer", "train", "--type", "bpe", "--segmentation", "shortest", "-o", _cli.PathOf("t.json"), corpus)
            .AssertOneLineError("--segmentation shortest applies to --type bytelevel-bpe only");
        Assert.False(File.Exists(_cli.PathOf("t.json")));
    }
}
