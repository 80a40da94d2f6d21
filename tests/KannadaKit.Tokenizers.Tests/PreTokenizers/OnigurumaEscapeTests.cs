using System.Text.Json.Nodes;
using KannadaKit.Testing;
using KannadaKit.Tokenizers.Tests.Training;

namespace KannadaKit.Tokenizers.Tests.PreTokenizers;

/// <summary>
/// Split patterns with Oniguruma escapes, run by the Hugging Face library itself (npm tokenizers, live) and by ours
/// on the same lines. Regression: \h was translated as horizontal space (Perl's meaning); in Oniguruma's default syntax,
/// which the HF library uses, it is a hexadecimal digit. \w must keep Kannada vowel signs inside words.
/// </summary>
public sealed class OnigurumaEscapeTests
{
    private static readonly string[] Lines =
    [
        "0xDEADbeef ಕನ್ನಡ ff 12ab\tg7",
        "ಕನ್ನಡ ಭಾಷೆ 2024ರಲ್ಲಿ CAFE babe",
        "ಬಸ್‌ಸ್ಟಾಪ್ ಕಾರ‍್ಯಕ್ರಮ_x 9F-a0",
        "hex: 00ff00, ಹ ಹೆ ಹೊ",
    ];

    [HfLibraryTheory]
    [InlineData(@"\h+")]
    [InlineData(@"\H+")]
    [InlineData(@"[\h_]+")]
    [InlineData(@"\w+")]
    [InlineData(@"[\w\h]+")]
    public void Split_OnigurumaEscape_MatchesHuggingFace(string pattern)
    {
        using var dir = new TempDirectory();
        var file = dir.File("tokenizer.json");
        File.WriteAllText(file, Fixture.ByteLevelWithSplit(pattern));
        var text = dir.File("lines.txt");
        File.WriteAllLines(text, Lines);
        var reference = HfTrainedParityTests.RunHf(file, text, "ids");
        var ours = HfTokenizer.FromFile(file);
        Assert.Equal(Lines.Length, reference.Length);
        for (var i = 0; i < Lines.Length; i++)
        {
            Assert.Equal(reference[i], string.Join(' ', ours.EncodeToIds(Lines[i])));
        }
    }
}

/// <summary>A theory that needs only the reference HF library (npm tokenizers); skips, saying so, without it.</summary>
public sealed class HfLibraryTheoryAttribute : TheoryAttribute
{
    public HfLibraryTheoryAttribute()
    {
        if (!Directory.Exists(Path.Combine(SharedData.RepoRoot, "tools", "tokenizer-fixtures", "node_modules", "tokenizers")))
        {
            Skip = "needs the reference HF library: run `npm ci` in tools/tokenizer-fixtures (tools/test.sh does when npm is installed)";
        }
    }
}
