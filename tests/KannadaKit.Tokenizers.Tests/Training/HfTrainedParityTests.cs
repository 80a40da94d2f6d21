using System.Diagnostics;
using KannadaKit.Testing;
using KannadaKit.Tokenizers.Training;

namespace KannadaKit.Tokenizers.Tests.Training;

/// <summary>
/// A tokenizer our trainer writes must encode identically in the Hugging Face library: train one on the 5 MB corpus,
/// run the reference library (tools/tokenizer-fixtures/hf-encode.js) on FLORES, compare every line's ids.
/// Skips, saying why, when ../shared or the npm package is missing (tools/test.sh installs it when npm is available).
/// </summary>
public class HfTrainedParityTests
{
    private static string Script => Path.Combine(SharedData.RepoRoot, "tools", "tokenizer-fixtures", "hf-encode.js");

    internal static string? Missing() =>
        SharedData.SkipReasonFor(Corpora.Wiki5MB, Corpora.FloresKn, Corpora.FloresEn)
        ?? (Directory.Exists(Path.Combine(SharedData.RepoRoot, "tools", "tokenizer-fixtures", "node_modules", "tokenizers"))
            ? null
            : "needs the reference HF library: run `npm ci` in tools/tokenizer-fixtures");

    [HfReferenceTheory]
    [InlineData(TokenizerKind.ByteLevelBpe, 32_000, 0.0, TokenSegmentation.Merges, false)]
    [InlineData(TokenizerKind.ByteLevelBpe, 32_000, 0.1, TokenSegmentation.Merges, false)]
    [InlineData(TokenizerKind.ByteLevelBpe, 32_000, 0.1, TokenSegmentation.Shortest, false)]
    [InlineData(TokenizerKind.ByteLevelBpe, 32_000, 0.1, TokenSegmentation.Shortest, true)]
    [InlineData(TokenizerKind.Bpe, 32_000, 0.0, TokenSegmentation.Merges, false)]
    [InlineData(TokenizerKind.WordPiece, 16_000, 0.0, TokenSegmentation.Merges, false)]
    [InlineData(TokenizerKind.Unigram, 16_000, 0.0, TokenSegmentation.Merges, true)]
    public void HuggingFaceEncodesAndDecodesOurTrainedTokenizerIdentically(TokenizerKind kind, int vocab, double superwords,
        TokenSegmentation segmentation, bool collapseWhitespace)
    {
        // Superword files have no Split step: merges run over whole lines (and once exposed a duplicate-merge rule).
        // Shortest files are Unigram models over byte-level pieces; collapsing adds Strip and Replace normalizers.
        var json = TokenizerTrainer.Train(File.ReadLines(SharedData.PathOf(Corpora.Wiki5MB)), new TrainerOptions
        {
            Kind = kind, VocabSize = vocab, SuperwordShare = superwords, Segmentation = segmentation, CollapseWhitespace = collapseWhitespace,
        });
        var dir = Directory.CreateTempSubdirectory("kk-hfpar-").FullName;
        try
        {
            var file = Path.Combine(dir, "tokenizer.json");
            File.WriteAllText(file, json);
            var ours = HfTokenizer.FromFile(file);
            foreach (var corpus in new[] { Corpora.FloresKn, Corpora.FloresEn })
            {
                var path = SharedData.PathOf(corpus);
                var lines = File.ReadAllLines(path);
                var hfIds = RunHf(file, path, "ids");
                var hfText = RunHf(file, path, "decode");
                Assert.Equal(lines.Length, hfIds.Length);
                Assert.Equal(lines.Length, hfText.Length);
                var ids = lines.Select(l => ours.EncodeToIds(l)).ToList();
                var differing = Enumerable.Range(0, lines.Length).Where(i => string.Join(' ', ids[i]) != hfIds[i]).ToList();
                Assert.True(differing.Count == 0, $"{kind} {corpus}: {differing.Count} lines differ, first {differing.FirstOrDefault() + 1}");
                var decoded = Enumerable.Range(0, lines.Length).Where(i => ours.Decode(ids[i], skipSpecialTokens: false) != hfText[i]).ToList();
                Assert.True(decoded.Count == 0, $"{kind} {corpus}: {decoded.Count} decodes differ, first {decoded.FirstOrDefault() + 1}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The reference library's ids (or decodes) of every line, special tokens on.</summary>
    internal static string[] RunHf(string tokenizer, string text, string what)
    {
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Script);
        psi.ArgumentList.Add(tokenizer);
        psi.ArgumentList.Add(text);
        psi.ArgumentList.Add("on");
        psi.ArgumentList.Add(what);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "hf-encode.js failed: " + error);
        return output.TrimEnd('\n').Split('\n');
    }
}

/// <summary>A theory that skips, with the reason, when the shared corpora or the reference HF library are missing.</summary>
public sealed class HfReferenceTheoryAttribute : TheoryAttribute
{
    public HfReferenceTheoryAttribute()
    {
        if (HfTrainedParityTests.Missing() is { } reason)
        {
            Skip = reason;
        }
    }
}
