namespace KannadaKit.Cli.Tests.IO;

/// <summary>
/// Outputs never destroy inputs or each other (regressions: --report naming an input overwrote it, -o X --report X
/// kept only the report, tokenizer train -o CORPUS and train-romanized -o PAIRS overwrote their input, and a failed
/// --report came after -o had already replaced the old output).
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Normalize_ReportNamingAnInput_IsRefusedAndTheInputKept()
    {
        var input = _cli.Write("in.txt", "ಮ೦ತ್ರಿ\n");
        _cli.Run("", "normalize", input, "-o", _cli.PathOf("out.txt"), "--report", input).AssertOneLineError("in.txt", "--report names an input");
        Assert.Equal("ಮ೦ತ್ರಿ\n", File.ReadAllText(input));
        Assert.False(File.Exists(_cli.PathOf("out.txt")));
    }

    [Fact]
    public void Normalize_ReportAndOutputNamingOneFile_IsRefused()
    {
        var input = _cli.Write("in.txt", "ಮ೦ತ್ರಿ\n");
        var same = _cli.PathOf("out.txt");
        _cli.Run("", "normalize", input, "-o", same, "--report", same).AssertOneLineError("--report and -o name the same file");
        Assert.False(File.Exists(same));
    }

    [Fact]
    public void Normalize_ReportThatCannotBeWritten_LeavesTheOldOutputAlone()
    {
        var input = _cli.Write("in.txt", "ಮ೦ತ್ರಿ\n");
        var output = _cli.Write("out.txt", "the previous output\n");
        Directory.CreateDirectory(_cli.PathOf("report.json"));
        _cli.Run("", "normalize", input, "-o", output, "--report", _cli.PathOf("report.json")).AssertOneLineError("report.json");
        Assert.Equal("the previous output\n", File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(_cli.Directory, "*.tmp"));
    }

    [Fact]
    public void TokenizerTrain_OutputNamingTheCorpus_IsRefusedAndTheCorpusKept()
    {
        var corpus = _cli.Write("corpus.txt", string.Concat(Enumerable.Repeat("ಕನ್ನಡ ಭಾಷೆ ನಮ್ಮ ಊರು\n", 50)));
        var before = File.ReadAllText(corpus);
        _cli.Run("", "tokenizer", "train", "--type", "bpe", "--vocab-size", "300", "-o", corpus, corpus).AssertOneLineError("corpus.txt", "-o names an input");
        Assert.Equal(before, File.ReadAllText(corpus));
    }

    [Fact]
    public void TrainRomanized_OutputNamingAnInput_IsRefusedAndTheInputKept()
    {
        var pairs = _cli.Write("pairs.tsv", "ಕನ್ನಡ\tkannada\t3\n");
        var words = _cli.Write("words.txt", "ಕನ್ನಡ ನಾಡು\n");
        _cli.Run("", "train-romanized", "--pairs", pairs, "--words", words, "-o", pairs).AssertOneLineError("pairs.tsv", "-o names an input");
        _cli.Run("", "train-romanized", "--pairs", pairs, "--words", words, "-o", words).AssertOneLineError("words.txt", "-o names an input");
        Assert.Equal("ಕನ್ನಡ\tkannada\t3\n", File.ReadAllText(pairs));
        Assert.Equal("ಕನ್ನಡ ನಾಡು\n", File.ReadAllText(words));
    }

    [LinuxTheory]
    [InlineData("normalize")]
    [InlineData("segment")]
    [InlineData("translit")]
    public void NamedPipeInput_IsReadOnce_NotHung(string command)
    {
        // Regression: every command opened its input twice (a readability probe, then the read), and a named pipe
        // gives its data to one opening only, so the run hung.
        var fifo = _cli.PathOf("in.fifo");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", [fifo])!)
        {
            mk.WaitForExit();
        }
        using var writer = System.Diagnostics.Process.Start("sh", ["-c", $"printf 'ಮಂತ್ರಿ\\n' > '{fifo}'"])!;
        var r = _cli.Run("", command, fifo);
        Assert.Equal(0, r.ExitCode);
        Assert.NotEmpty(r.Text);
        Assert.True(writer.WaitForExit(10_000));
    }

    [Fact]
    public void Normalize_NulPastTheFirstBlock_IsABinaryFileError()
    {
        // Regression: only the first 8 KB were checked for NUL; a later one was silently deleted by the controls rule.
        var line = "ಕನ್ನಡ ನಾಡು ನುಡಿ\n"; // 41 bytes of UTF-8
        var before = string.Concat(Enumerable.Repeat(line, 500));
        var bytes = System.Text.Encoding.UTF8.GetBytes(before + "ab\0cd\n" + line);
        var input = _cli.WriteBytes("late-nul.txt", bytes);
        var offset = System.Text.Encoding.UTF8.GetByteCount(before) + 2;
        _cli.Run("", "normalize", input, "-o", _cli.PathOf("out.txt"))
            .AssertOneLineError("late-nul.txt", "binary file", "line 501", $"byte offset {offset}");
        Assert.False(File.Exists(_cli.PathOf("out.txt")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("meta..title")]
    [InlineData(".text")]
    public void Normalize_EmptyFieldPath_IsAUsageError(string field)
    {
        // Regression: --field '' was an internal error.
        var r = _cli.Run("{\"text\":\"ಕನ್ನಡ\"}\n", "normalize", "--jsonl", "--field", field);
        r.AssertOneLineError("--field", "expected a field name");
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void Normalize_UnpairedSurrogateInARecord_NamesTheLine()
    {
        // Regression: an escaped lone surrogate in a JSONL record was an internal error.
        var input = _cli.Write("s.jsonl", "{\"text\":\"ಕನ್ನಡ\"}\n{\"text\":\"\\ud800 ಕನ್ನಡ\"}\n");
        _cli.Run("", "normalize", "--jsonl", input).AssertOneLineError("s.jsonl:2", "unpaired surrogate");
    }

    [Theory]
    [InlineData("unigram")]
    [InlineData("bpe")]
    [InlineData("bytelevel-bpe")]
    [InlineData("wordpiece")]
    public void TokenizerTrain_EmptyCorpus_NamesTheFile(string type)
    {
        // Regression: Unigram training on an empty corpus was an internal error; the others wrote a useless file.
        var corpus = _cli.Write("empty.txt", "\n\n");
        _cli.Run("", "tokenizer", "train", "--type", type, "--vocab-size", "300", "-o", _cli.PathOf("t.json"), corpus)
            .AssertOneLineError("empty.txt", "no text to learn from");
        Assert.False(File.Exists(_cli.PathOf("t.json")));
    }

    [Theory]
    [InlineData("normalize")]
    [InlineData("segment")]
    [InlineData("tokenizer")]
    public void LineOverTheLimit_IsAnErrorNamingTheLine(string command)
    {
        // Regression: a line over 1 GiB was an internal error, and a 200 MB line took 14 GB to encode.
        var first = System.Text.Encoding.UTF8.GetBytes("ಕನ್ನಡ\n");
        var bytes = new byte[first.Length + (65 << 20)];
        first.CopyTo(bytes, 0);
        bytes.AsSpan(first.Length).Fill((byte)'a');
        var input = _cli.WriteBytes("long.txt", bytes);
        string[] args = command == "tokenizer"
            ? ["tokenizer", "encode", "-t", Path.Combine(KannadaKit.Testing.SharedData.RepoRoot, "tests", "KannadaKit.Tokenizers.Tests", "Fixtures", "hf", "bytelevel-bpe.json"), input]
            : command == "normalize" ? [command, input, "-o", _cli.PathOf("out.txt")] : [command, input];
        _cli.Run("", args).AssertOneLineError("long.txt", "line 2", $"byte offset {first.Length}", "longer than 64 MiB");
        Assert.False(File.Exists(_cli.PathOf("out.txt")));
    }
}
