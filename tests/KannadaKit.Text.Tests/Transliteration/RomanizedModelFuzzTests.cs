using KannadaKit.Testing.Fuzzing;
using Xunit.Abstractions;

namespace KannadaKit.Text.Tests.Transliteration;

/// <summary>A quick share of <c>bench -- fuzz</c>: mutated .kkrm files load or are refused with an
/// <see cref="InvalidDataException"/>, never another exception or a hang.</summary>
public sealed class RomanizedModelFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedModels_AreLoadedOrRefused()
    {
        var report = Fuzzer.Run(new RomanizedModelFuzzTarget(), 3000, seed: 20261202);
        output.WriteLine(report.ToString());
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures));
        Assert.True(report.Refused > 1000, report.ToString());
    }
}
