using KannadaKit.News.Feeds;
using KannadaKit.News.Json;

namespace KannadaKit.News.Tests;

public class FeedDatesTests
{
    public static TheoryData<string, string> Spec()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Spec", "dates.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            var parts = line.Split('\t');
            data.Add(parts[0], parts[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Spec))]
    public void ParsesWhatFeedsWrite(string text, string expected)
    {
        var d = FeedDates.Parse(text);
        Assert.Equal(expected, d is { } v ? NewsJsonWriter.Iso(v) : "null");
    }

    [Fact]
    public void TheSpecCoversEveryFamily() => Assert.True(Spec().Count >= 50, $"{Spec().Count} dates");

    [Fact]
    public void ResultsAreUtc()
    {
        var d = FeedDates.Parse("Mon, 02 Dec 2026 10:00:00 +0530")!.Value;
        Assert.Equal(TimeSpan.Zero, d.Offset);
    }
}
