using System.IO.Compression;
using System.Text;
using System.Text.Json;
using KannadaKit.Testing;

namespace KannadaKit.Cli.Tests.Commands;

public sealed class NormalizeCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Normalize_Stdin_WritesNormalizedLinesToStdout()
    {
        var r = _cli.Run("  ಮ೦ತ್ರಿ  ಬಸ್\u200C\nದು:ಖ\n", "normalize");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ಮಂತ್ರಿ ಬಸ್\nದುಃಖ\n", r.Text);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Normalize_FileWithoutFinalNewline_KeepsItThatWay()
    {
        string input = _cli.Write("in.txt", "ಒಂದು\nಎರಡು ");
        var r = _cli.Run((byte[]?)null, "normalize", input);
        Assert.Equal("ಒಂದು\nಎರಡು", r.Text);
    }

    [Fact]
    public void Normalize_ManyChunksOnTwoThreads_KeepsLineOrder()
    {
        // ~3 MB: several 1 MiB chunks processed in parallel must come back in input order.
        var sb = new StringBuilder();
        for (int i = 0; i < 60_000; i++)
        {
            sb.Append("ಸಾಲು ").Append(i).Append(" ಮ೦ತ್ರಿ  ಸಭೆ\n");
        }

        string input = _cli.Write("big.txt", sb.ToString());
        var r = _cli.Run((byte[]?)null, "normalize", "--threads", "2", input, "-o", _cli.PathOf("out.txt"));
        Assert.Equal(0, r.ExitCode);
        string[] lines = File.ReadAllText(_cli.PathOf("out.txt")).Split('\n');
        Assert.Equal(60_001, lines.Length);
        for (int i = 0; i < 60_000; i++)
        {
            Assert.Equal($"ಸಾಲು {i} ಮಂತ್ರಿ ಸಭೆ", lines[i]);
        }
    }

    [Fact]
    public void Normalize_InvalidUtf8_FailsWithByteOffsetAndLeavesNoOutput()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("ಕನ್ನಡ\nabc "), 0xFF, 0xFE, .. "\n"u8];
        string input = _cli.WriteBytes("bad.txt", bytes);
        string output = _cli.PathOf("out.txt");
        var r = _cli.Run((byte[]?)null, "normalize", input, "-o", output);
        r.AssertOneLineError(input, "invalid UTF-8", "byte offset 20", "line 2");
        Assert.Equal(1, r.ExitCode);
        Assert.False(File.Exists(output));
        Assert.Single(Directory.GetFiles(_cli.Directory)); // no temp file left either
    }

    [Fact]
    public void Normalize_InvalidUtf8WithReplace_SubstitutesAndCounts()
    {
        string input = _cli.WriteBytes("bad.txt", [.. Encoding.UTF8.GetBytes("ಕ "), 0xC3, .. " ಖ\n"u8]);
        var r = _cli.Run((byte[]?)null, "normalize", "--on-invalid", "replace", input);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ಕ \uFFFD ಖ\n", r.Text);
        Assert.Contains("replaced 1 invalid UTF-8 sequence", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_BinaryFile_FailsClearly()
    {
        string input = _cli.WriteBytes("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        var r = _cli.Run((byte[]?)null, "normalize", input, "-o", _cli.PathOf("out.txt"));
        r.AssertOneLineError("image.png", "binary file", "byte offset 8");
        Assert.False(File.Exists(_cli.PathOf("out.txt")));
    }

    [Fact]
    public void Normalize_MissingFile_FailsClearly()
    {
        var r = _cli.Run((byte[]?)null, "normalize", "no-such.txt");
        r.AssertOneLineError("no-such.txt", "no such file");
    }

    [Fact]
    public void Normalize_UnwritableOutput_FailsClearly()
    {
        // /proc refuses new files even for root, so this holds wherever the tests run.
        string input = _cli.Write("in.txt", "ಕನ್ನಡ\n");
        var r = _cli.Run((byte[]?)null, "normalize", input, "-o", "/proc/kannadakit-out.txt");
        r.AssertOneLineError("/proc/kannadakit-out.txt", "cannot write");
    }

    [Fact]
    public void Normalize_OutputFolderMissing_FailsClearly()
    {
        string input = _cli.Write("in.txt", "ಕನ್ನಡ\n");
        var r = _cli.Run((byte[]?)null, "normalize", input, "-o", _cli.PathOf("nowhere/out.txt"));
        r.AssertOneLineError("does not exist");
    }

    [Fact]
    public void Normalize_OutputIsAnInput_RefusesAndKeepsTheInput()
    {
        string input = _cli.Write("in.txt", "ಮ೦ತ್ರಿ\n");
        var r = _cli.Run((byte[]?)null, "normalize", input, "-o", input);
        r.AssertOneLineError("is also an input", "--in-place");
        Assert.Equal("ಮ೦ತ್ರಿ\n", File.ReadAllText(input));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Normalize_InPlace_RewritesThroughRenameAndKeepsMode()
    {
        string input = _cli.Write("in.txt", "ಮ೦ತ್ರಿ\r\n");
        File.SetUnixFileMode(input, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var r = _cli.Run((byte[]?)null, "normalize", "--in-place", input);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ಮಂತ್ರಿ\n", File.ReadAllText(input));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(input));
        Assert.Single(Directory.GetFiles(_cli.Directory));
    }

    [Fact]
    public void Normalize_EmptyFile_GivesEmptyOutput()
    {
        string input = _cli.Write("empty.txt", "");
        var r = _cli.Run((byte[]?)null, "normalize", input, "-o", _cli.PathOf("out.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(0, new FileInfo(_cli.PathOf("out.txt")).Length);
    }

    [Fact]
    public void Normalize_Single50MBLine_IsNormalizedWhole()
    {
        // One line of ~50 MB (no line feed at all): the reader must grow its buffer rather than split the line.
        const string Unit = "ಮ೦ತ್ರಿ  ಸಭೆ ";
        int repeats = (50 * 1024 * 1024 / Encoding.UTF8.GetByteCount(Unit)) + 1;
        string input = _cli.PathOf("long.txt");
        using (var w = new StreamWriter(input, false, new UTF8Encoding(false)))
        {
            for (int i = 0; i < repeats; i++)
            {
                w.Write(Unit);
            }
        }

        Assert.True(new FileInfo(input).Length >= 50 * 1024 * 1024);
        var r = _cli.Run((byte[]?)null, "normalize", input, "-o", _cli.PathOf("out.txt"));
        Assert.Equal(0, r.ExitCode);
        string output = File.ReadAllText(_cli.PathOf("out.txt"));
        Assert.DoesNotContain('\n', output);
        Assert.DoesNotContain("೦", output, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", output, StringComparison.Ordinal);
        Assert.Equal((repeats * "ಮಂತ್ರಿ ಸಭೆ ".Length) - 1, output.Length); // the final space is trimmed
    }

    [Fact]
    public void Normalize_GzipInAndOut_RoundTrips()
    {
        string input = _cli.PathOf("in.txt.gz");
        using (var gz = new GZipStream(File.Create(input), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes("ಮ೦ತ್ರಿ\n"));
        }

        var r = _cli.Run((byte[]?)null, "normalize", input, "-o", _cli.PathOf("out.txt.gz"));
        Assert.Equal(0, r.ExitCode);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(_cli.PathOf("out.txt.gz")), CompressionMode.Decompress));
        Assert.Equal("ಮಂತ್ರಿ\n", reader.ReadToEnd());
    }

    [Fact]
    public void Normalize_Jsonl_ChangesOnlyTheFieldAndKeepsOtherBytes()
    {
        string input = _cli.Write("in.jsonl",
            "{\"id\": 1, \"text\": \"ಮ೦ತ್ರಿ  ಸಭೆ\", \"score\": 1.50}\n"
            + "{\"meta\": {\"text\": \"ದು:ಖ\"}, \"text\": \"ಸರಿ\"}\n"
            + "{\"id\": 3}\n");
        var r = _cli.Run((byte[]?)null, "normalize", "--jsonl", input);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            "{\"id\": 1, \"text\": \"ಮಂತ್ರಿ ಸಭೆ\", \"score\": 1.50}\n"
            + "{\"meta\": {\"text\": \"ದು:ಖ\"}, \"text\": \"ಸರಿ\"}\n"
            + "{\"id\": 3}\n",
            r.Text);
        Assert.Contains("1 record(s) had no string field 'text' (first at line 3)", r.Stderr, StringComparison.Ordinal);

        var nested = _cli.Run((byte[]?)null, "normalize", "--jsonl", "--field", "meta.text", input);
        Assert.Contains("\"meta\": {\"text\": \"ದುಃಖ\"}", nested.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_JsonlInvalidUtf8WithReplace_RepairsTheRecord()
    {
        // Regression: the bad bytes were counted but the unrepaired record went to the JSON parser (a stack trace).
        string input = _cli.WriteBytes("bad.jsonl", [.. Encoding.UTF8.GetBytes("{\"id\": 1, \"text\": \"ಮ೦ತ್ರಿ "), 0xFF, .. "\"}\n"u8]);
        var r = _cli.Run((byte[]?)null, "normalize", "--jsonl", "--on-invalid", "replace", input);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("{\"id\": 1, \"text\": \"ಮಂತ್ರಿ \uFFFD\"}\n", r.Text);
        Assert.Contains("replaced 1 invalid UTF-8 sequence", r.Stderr, StringComparison.Ordinal);

        var strict = _cli.Run((byte[]?)null, "normalize", "--jsonl", input);
        strict.AssertOneLineError("bad.jsonl", "invalid UTF-8", "line 1");
    }

    [Fact]
    public void Normalize_JsonlInvalidRecord_NamesFileAndLine()
    {
        string input = _cli.Write("in.jsonl", "{\"text\": \"ಸರಿ\"}\n{\"text\": \"ಕ\"\n");
        var r = _cli.Run((byte[]?)null, "normalize", "--jsonl", input);
        r.AssertOneLineError("in.jsonl:2:", "invalid JSON");
    }

    [Fact]
    public void Normalize_Report_WritesJsonAccountingForEveryChangedLine()
    {
        string input = _cli.Write("in.txt", "ಮ೦ತ್ರಿ\nಸರಿ\nಬಸ್\u200C ನಿಲ್ದಾಣ\n");
        var r = _cli.Run((byte[]?)null, "normalize", input, "-o", _cli.PathOf("out.txt"), "--report", _cli.PathOf("report.json"));
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(_cli.PathOf("report.json")));
        var root = doc.RootElement;
        Assert.Equal("default", root.GetProperty("profile").GetString());
        Assert.Equal(3, root.GetProperty("lines").GetInt32());
        Assert.Equal(2, root.GetProperty("linesChanged").GetInt32());
        var rules = root.GetProperty("rules");
        Assert.Equal(1, rules.GetProperty("kn-zero-anusvara").GetProperty("lines").GetInt32());
        Assert.Equal(1, rules.GetProperty("joiners").GetProperty("lines").GetInt32());
        var example = rules.GetProperty("joiners").GetProperty("examples")[0];
        Assert.Equal(3, example.GetProperty("line").GetInt32());
        Assert.Equal("ಬಸ್ ನಿಲ್ದಾಣ", example.GetProperty("after").GetString());
    }

    [Fact]
    public void Normalize_ProfileAndRules_AreApplied()
    {
        var aggressive = _cli.Run("“ಕನ್ನಡ” ೨೦೨೪\n", "normalize", "--profile", "aggressive");
        Assert.Equal("\"ಕನ್ನಡ\" 2024\n", aggressive.Text);
        var switched = _cli.Run("“ಕನ್ನಡ”  ೨೦೨೪\n", "normalize", "--rules", "+quotes,-whitespace");
        Assert.Equal("\"ಕನ್ನಡ\"  ೨೦೨೪\n", switched.Text);
        var indicnlp = _cli.Run("ಉದಾ: ಬಸ್\u200Cಸ್ಟಾಪ್\n", "normalize", "-p", "indicnlp");
        Assert.Equal("ಉದಾಃ ಬಸ್ಸ್ಟಾಪ್\n", indicnlp.Text);
    }

    [Fact]
    public void Normalize_UnknownRuleOrProfile_IsAOneLineUsageError()
    {
        var rule = _cli.Run("x\n", "normalize", "--rules", "+nope");
        rule.AssertOneLineError("unknown rule 'nope'");
        Assert.Equal(2, rule.ExitCode);
        var profile = _cli.Run("x\n", "normalize", "--profile", "bogus");
        Assert.Equal(2, profile.ExitCode);
        Assert.StartsWith("kannadakit: error: ", profile.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_ListRules_NamesEveryRuleWithItsProfiles()
    {
        var r = _cli.Run((byte[]?)null, "normalize", "--list-rules");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("kn-colon-visarga       [default,aggressive]", r.Text, StringComparison.Ordinal);
        Assert.Contains("digits-native          [opt-in]", r.Text, StringComparison.Ordinal);
        Assert.Contains("indicnlp-visarga       [indicnlp]", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_BundledSample_ChangesExactlyTheLinesItShould()
    {
        string sample = Path.Combine(SharedData.RepoRoot, "corpora", "samples", "kn-news-sample.txt");
        var r = _cli.Run((byte[]?)null, "normalize", sample, "--summary");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("profile default: 8 of 15 lines changed", r.Stderr, StringComparison.Ordinal);
        string output = r.Text;
        Assert.Contains("ಉದಾ: ಬಸ್\u200Cಸ್ಟಾಪ್", output, StringComparison.Ordinal);   // label colon and explicit halant kept
        Assert.Contains("ಸಭೆ ೧೦:೩೦ಕ್ಕೆ", output, StringComparison.Ordinal);            // time kept
        Assert.Contains("ದುಃಖವಾಯಿತು, ಆದರೆ ಪುನಃ", output, StringComparison.Ordinal);    // visargas repaired
        Assert.Contains("ಕಾರ\u200D್ಯಕ್ರಮ", output, StringComparison.Ordinal);          // non-repha RA kept
        Assert.Contains("ಪಿಎಚ್\u200Cಡಿ", output, StringComparison.Ordinal);             // ZWSP after virama → ZWNJ
        Assert.False(output.StartsWith('\uFEFF'));
    }
}
