using System.Text.Json;

namespace KannadaKit.Cli.Tests.Commands;

public sealed class ScriptCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Segment_Aksharas_OnePerLineWithoutSpaces()
    {
        var r = _cli.Run("ಕನ್ನಡ ಶ್ರೀ\n", "segment", "--unit", "akshara");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ಕ\nನ್ನ\nಡ\nಶ್ರೀ\n", r.Text);
    }

    [Fact]
    public void Segment_WordsJsonl_GivesLineOffsetsAndKinds()
    {
        var r = _cli.Run("ಸಭೆ 10:30ಕ್ಕೆ.\n\nಮಳೆ\n", "segment", "--unit", "word", "--jsonl");
        Assert.Equal(0, r.ExitCode);
        var records = r.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["ಸಭೆ", "10:30ಕ್ಕೆ", ".", "ಮಳೆ"], records.Select(e => e.GetProperty("text").GetString()));
        Assert.Equal([1, 1, 1, 3], records.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal([0, 4, 13, 0], records.Select(e => e.GetProperty("start").GetInt32()));
        Assert.Equal("number+suffix", records[1].GetProperty("kind").GetString());
    }

    [Fact]
    public void Segment_Sentences_KeepsAbbreviationsAndTextAsIs()
    {
        var r = _cli.Run("ಡಾ. ರಾಜ್ ಬಂದರು. ಬೆಲೆ ರೂ. ೫೦೦. ಇದು ದುಬಾರಿ.\n", "segment", "--unit", "sentence");
        Assert.Equal("ಡಾ. ರಾಜ್ ಬಂದರು.\nಬೆಲೆ ರೂ. ೫೦೦.\nಇದು ದುಬಾರಿ.\n", r.Text);
    }

    [Fact]
    public void Segment_InvalidUtf8_OneLineErrorWithOffset()
    {
        string path = _cli.WriteBytes("bad.txt", [0xE0, 0xB2, 0x95, 0x0A, 0xFF, 0x0A]);
        var r = _cli.Run((byte[]?)null, "segment", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("invalid UTF-8 at byte offset 4 (line 2)", r.Stderr);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Translit_IsoRoundTrip_IsExactAndLineForLine()
    {
        string text = "ಕನ್ನಡ (Kannada) ೨೦೨೪ 2024\n\nಅಇ ಕ್ಹ ಬಸ್\u200Cಸ್ಟಾಪ್\n";
        var iso = _cli.Run(text, "translit", "--from", "kn", "--to", "iso15919");
        Assert.Equal(0, iso.ExitCode);
        Assert.Equal(3, iso.Text.Count(c => c == '\n'));
        Assert.StartsWith("kannaḍa ", iso.Text);
        var back = _cli.Run(iso.Text, "translit", "--from", "iso15919", "--to", "kn");
        Assert.Equal(text, back.Text);
    }

    [Theory]
    [InlineData("kn", "devanagari", "ಕನ್ನಡ ನಾಡು", "कन्नड नाडु")]
    [InlineData("kn", "itrans", "ಬೆಂಗಳೂರು", "beMgaLuuru")]
    [InlineData("baraha", "kn", "cheluva kannaDa nADu", "ಚೆಲುವ ಕನ್ನಡ ನಾಡು")]
    [InlineData("itrans", "iso", "kannaDa", "kannaḍa")]
    [InlineData("telugu", "kn", "కన్నడ", "ಕನ್ನಡ")]
    [InlineData("kn", "icu:Any-Latin", "ಕನ್ನಡ ನಾಡು", "kannaḍa nāḍu")]
    [InlineData("icu:Devanagari-Kannada", "iso", "कन्नड", "kannaḍa")]
    public void Translit_BetweenSchemes(string from, string to, string input, string expected)
    {
        var r = _cli.Run(input + "\n", "translit", "--from", from, "--to", to);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected + "\n", r.Text);
    }

    [Theory]
    [InlineData("--from", "klingon")]
    [InlineData("--to", "romanized")]
    [InlineData("--top", "3")]
    public void Translit_UsageMistakes_ExitTwoWithOneLine(string option, string value)
    {
        var r = _cli.Run("x\n", "translit", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("kannadakit: error: ", r.Stderr);
    }

    [Fact]
    public void Translit_UnknownIcuTransform_IsOneLineSayingHowToListThem()
    {
        var r = _cli.Run("ಕ\n", "translit", "--to", "icu:No-Such");
        r.AssertOneLineError("ICU transform 'No-Such' is not available", "--list-icu");
        var list = _cli.Run("", "translit", "--list-icu");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("Kannada-Latin\n", list.Text);
        Assert.Contains("icu:ID", _cli.Run("", "translit", "--list").Text);
    }

    [Fact]
    public void Translit_RomanizedWithoutModel_SaysHowToBuildOne()
    {
        var r = _cli.Run("kannada\n", "translit", "--from", "romanized", "--model", _cli.PathOf("none.kkrm"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no romanized-input model", r.Stderr);
        Assert.Contains("train-romanized", r.Stderr);
    }

    [Fact]
    public void TrainRomanized_ThenTranslitTopK_GivesTabSeparatedCandidatesBestFirst()
    {
        // Our own tiny training data: enough to check the plumbing, not the accuracy (the Text tests do that).
        string pairs = _cli.Write("pairs.tsv", "ಕನ್ನಡ\tkannada\t5\nನಾಡು\tnaadu\t3\nನಾಡು\tnadu\t4\nಮನೆ\tmane\t5\nಮರ\tmara\t3\nಕಾಡು\tkaadu\t3\n");
        string words = _cli.Write("words.txt", "ಕನ್ನಡ ನಾಡು ಮನೆ ಮನೆಗೆ ಕನ್ನಡದ\n");
        string model = _cli.PathOf("m.kkrm");
        var train = _cli.Run((byte[]?)null, "train-romanized", "--pairs", pairs, "--words", words, "-o", model);
        Assert.Equal(0, train.ExitCode);
        Assert.True(File.Exists(model));

        var r = _cli.Run("kannada\nkannada naadu, mane!\n", "translit", "--from", "romanized", "--top", "3", "--model", model);
        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Text.Split('\n');
        Assert.Equal("ಕನ್ನಡ", lines[0].Split('\t')[0]);
        Assert.InRange(lines[0].Split('\t').Length, 2, 3);
        Assert.Equal("ಕನ್ನಡ ನಾಡು, ಮನೆ!", lines[1]); // a sentence line gets its best reading only
    }

    [Fact]
    public void TrainRomanized_BadPairsLine_NamesFileAndLine()
    {
        string pairs = _cli.Write("pairs.tsv", "ಕನ್ನಡ\tkannada\t5\nbroken line\n");
        var r = _cli.Run((byte[]?)null, "train-romanized", "--pairs", pairs, "-o", _cli.PathOf("m.kkrm"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("pairs.tsv:2:", r.Stderr);
        Assert.False(File.Exists(_cli.PathOf("m.kkrm")));
    }
}

public sealed class LegacyCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Legacy_Auto_ConvertsFontLinesAndKeepsUnicodeLines()
    {
        var r = _cli.Run("PÀ£ÀßqÀ £ÁqÀÄ\nಈಗಾಗಲೇ ಯುನಿಕೋಡ್\nplain English\n", "legacy");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ಕನ್ನಡ ನಾಡು\nಈಗಾಗಲೇ ಯುನಿಕೋಡ್\nplain English\n", r.Text);
        Assert.Contains("converted 1 of 3 lines", r.Stderr);
    }

    [Fact]
    public void Legacy_EightBitFile_IsReadAsLatin1()
    {
        // As an old Windows editor saved it: one byte per glyph.
        string path = _cli.WriteBytes("old.txt", System.Text.Encoding.Latin1.GetBytes("PÀÆr ¨Á¼ÉÆÃt.\n"));
        var r = _cli.Run((byte[]?)null, "legacy", "--from", "nudi", path);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ಕೂಡಿ ಬಾಳೋಣ.\n", r.Text);
    }

    [Fact]
    public void TrainRomanized_OverlongWord_NamesTheLine()
    {
        // Regression: a pair of 100k-character words made the alignment table exceed the largest array (internal error).
        var pairs = _cli.Write("long.tsv", "ಕನ್ನಡ\tkannada\n" + new string('ಕ', 100_000) + "\t" + string.Concat(Enumerable.Repeat("ka", 100_000)) + "\t1\n");
        var words = _cli.Write("w.txt", "ಕನ್ನಡ\n");
        _cli.Run((byte[]?)null, "train-romanized", "--pairs", pairs, "--words", words, "-o", _cli.PathOf("m.kkrm"))
            .AssertOneLineError("long.tsv:2", "longer than 100 characters");
        Assert.False(File.Exists(_cli.PathOf("m.kkrm")));
    }
}
