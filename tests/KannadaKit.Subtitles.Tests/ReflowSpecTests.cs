using System.Globalization;

namespace KannadaKit.Subtitles.Tests;

public class ReflowSpecTests
{
    public static TheoryData<int, int, string, string> Spec()
    {
        var data = new TheoryData<int, int, string, string>();
        foreach (var r in SpecFile.Rows("reflow.tsv"))
        {
            data.Add(int.Parse(r[0], CultureInfo.InvariantCulture), int.Parse(r[1], CultureInfo.InvariantCulture), r[2], r[3]);
        }

        return data;
    }

    /// <summary>"1.000–4.000 a | b ‖ …" to cues.</summary>
    internal static List<Cue> Parse(string cues) => [.. cues.Split(" ‖ ").Select(c =>
    {
        int space = c.IndexOf(' ', StringComparison.Ordinal);
        var times = c[..space].Split('–');
        return new Cue(TimeSpan.FromSeconds(double.Parse(times[0], CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(times[1], CultureInfo.InvariantCulture)), c[(space + 1)..].Replace(" | ", "\n", StringComparison.Ordinal));
    })];

    internal static string Format(IEnumerable<Cue> cues) => string.Join(" ‖ ", cues.Select(c =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Start.TotalSeconds:F3}–{c.End.TotalSeconds:F3} {c.Text.Replace("\n", " | ", StringComparison.Ordinal)}")));

    [Theory]
    [MemberData(nameof(Spec))]
    public void ReflowsKannadaAsTheSpecSays(int maxLines, int maxLineAksharas, string before, string after)
    {
        var rules = SubtitleRules.Default with { MaxLines = maxLines, MaxLineAksharas = maxLineAksharas };
        var result = SubtitleReflow.Reflow(new SubtitleDocument(Parse(before)), rules);
        Assert.Equal(after, Format(result.Cues));
        Assert.Empty(SubtitleValidator.Check(result.Cues, rules));
        Assert.Equal(Parse(before).SelectMany(c => c.Text.Split('\n', ' ')), result.Cues.SelectMany(c => c.Text.Split('\n', ' ')));
    }

    [Fact]
    public void SpecHasEnoughRows() => Assert.True(SpecFile.Rows("reflow.tsv").Count() >= 8);
}
