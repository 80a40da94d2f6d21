using KannadaKit.Testing.Fuzzing;
using Xunit.Abstractions;

namespace KannadaKit.Tokenizers.Tests;

/// <summary>
/// A quick share of the fuzzing that <c>bench -- fuzz</c> runs at 100,000 inputs per parser: mutated tokenizer.json
/// and .model files load or are refused with a <see cref="TokenizerException"/>, never another exception or a hang.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void TokenizerJson_MutatedFiles_AreLoadedOrRefused() => Check(new TokenizerFileFuzzTarget(), 3000);

    [Fact]
    public void SentencePieceModel_MutatedFiles_AreLoadedOrRefused() => Check(new SentencePieceFuzzTarget(), 3000);

    private void Check(FuzzTarget target, int count)
    {
        Assert.True(target.Seeds.Count >= 2, $"{target.Name}: too few seeds load ({target.Seeds.Count})");
        var report = Fuzzer.Run(target, count, seed: 20261202);
        output.WriteLine(report.ToString());
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures));
        Assert.True(report.Refused > count / 10, $"{report}: too few inputs refused; the mutations are not reaching the parser");
    }
}
