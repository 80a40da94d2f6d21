using System.Text.Json;
using KannadaKit.News.Stories;
using KannadaKit.Testing;

namespace KannadaKit.News.Tests;

public sealed class StoryClustererTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // One agency report and two outlets' rewrites of it (case endings changed, a sentence dropped, one added), and
    // two unrelated reports.
    private const string Agency = """
        ಮಂಗಳೂರು: ದಕ್ಷಿಣ ಕನ್ನಡ ಜಿಲ್ಲೆಯಲ್ಲಿ ಮಂಗಳವಾರ ರಾತ್ರಿಯಿಂದ ಭಾರಿ ಮಳೆಯಾಗುತ್ತಿದ್ದು, ಜಿಲ್ಲಾಧಿಕಾರಿ ಶಾಲೆ ಮತ್ತು ಕಾಲೇಜುಗಳಿಗೆ ಬುಧವಾರ ರಜೆ ಘೋಷಿಸಿದ್ದಾರೆ.
        ನೇತ್ರಾವತಿ ಮತ್ತು ಕುಮಾರಧಾರಾ ನದಿಗಳು ಅಪಾಯದ ಮಟ್ಟ ಮೀರಿ ಹರಿಯುತ್ತಿವೆ. ತಗ್ಗು ಪ್ರದೇಶಗಳ ಜನರನ್ನು ಸುರಕ್ಷಿತ ಸ್ಥಳಗಳಿಗೆ ಸ್ಥಳಾಂತರಿಸಲಾಗಿದೆ.
        ಭಾರತೀಯ ಹವಾಮಾನ ಇಲಾಖೆ ಮುಂದಿನ ಎರಡು ದಿನಗಳ ಕಾಲ ಕರಾವಳಿ ಜಿಲ್ಲೆಗಳಿಗೆ ಕೆಂಪು ಎಚ್ಚರಿಕೆ ನೀಡಿದೆ. ಮೀನುಗಾರರು ಸಮುದ್ರಕ್ಕೆ ಇಳಿಯದಂತೆ ಸೂಚಿಸಲಾಗಿದೆ.
        ಮಳೆಯಿಂದಾಗಿ ಹಲವು ರಸ್ತೆಗಳಲ್ಲಿ ಮರಗಳು ಉರುಳಿ ಸಂಚಾರಕ್ಕೆ ಅಡ್ಡಿಯಾಗಿದೆ. ವಿದ್ಯುತ್ ಸಂಪರ್ಕವೂ ಕಡಿತಗೊಂಡಿದೆ.
        """;

    private const string RewriteA = """
        ದಕ್ಷಿಣ ಕನ್ನಡ ಜಿಲ್ಲೆಯಲ್ಲಿ ಮಂಗಳವಾರ ರಾತ್ರಿಯಿಂದ ಭಾರಿ ಮಳೆಯಾಗುತ್ತಿದ್ದು, ಜಿಲ್ಲಾಧಿಕಾರಿಗಳು ಶಾಲೆ ಮತ್ತು ಕಾಲೇಜುಗಳಿಗೆ ಬುಧವಾರ ರಜೆ ಘೋಷಿಸಿದ್ದಾರೆ.
        ನೇತ್ರಾವತಿ, ಕುಮಾರಧಾರಾ ನದಿಗಳು ಅಪಾಯದ ಮಟ್ಟ ಮೀರಿ ಹರಿಯುತ್ತಿದ್ದು ತಗ್ಗು ಪ್ರದೇಶಗಳ ಜನರನ್ನು ಸುರಕ್ಷಿತ ಸ್ಥಳಗಳಿಗೆ ಸ್ಥಳಾಂತರಿಸಲಾಗಿದೆ.
        ಹವಾಮಾನ ಇಲಾಖೆ ಮುಂದಿನ ಎರಡು ದಿನ ಕರಾವಳಿ ಜಿಲ್ಲೆಗಳಿಗೆ ಕೆಂಪು ಎಚ್ಚರಿಕೆ ನೀಡಿದೆ. ಮೀನುಗಾರರು ಸಮುದ್ರಕ್ಕೆ ಇಳಿಯಬಾರದು ಎಂದು ಸೂಚಿಸಲಾಗಿದೆ.
        """;

    private const string RewriteB = """
        ಕರಾವಳಿಯಲ್ಲಿ ಮಳೆಯ ಆರ್ಭಟ: ದಕ್ಷಿಣ ಕನ್ನಡ ಜಿಲ್ಲೆಯಲ್ಲಿ ಮಂಗಳವಾರ ರಾತ್ರಿಯಿಂದ ಭಾರಿ ಮಳೆಯಾಗುತ್ತಿದೆ. ಶಾಲೆ ಮತ್ತು ಕಾಲೇಜುಗಳಿಗೆ ಬುಧವಾರ ರಜೆ ಘೋಷಿಸಲಾಗಿದೆ.
        ನೇತ್ರಾವತಿ ಮತ್ತು ಕುಮಾರಧಾರಾ ನದಿಗಳು ಅಪಾಯದ ಮಟ್ಟ ಮೀರಿ ಹರಿಯುತ್ತಿವೆ. ಭಾರತೀಯ ಹವಾಮಾನ ಇಲಾಖೆ ಕರಾವಳಿ ಜಿಲ್ಲೆಗಳಿಗೆ ಕೆಂಪು ಎಚ್ಚರಿಕೆ ನೀಡಿದೆ.
        ಹಲವು ರಸ್ತೆಗಳಲ್ಲಿ ಮರಗಳು ಉರುಳಿ ಸಂಚಾರಕ್ಕೆ ಅಡ್ಡಿಯಾಗಿದ್ದು ವಿದ್ಯುತ್ ಸಂಪರ್ಕವೂ ಕಡಿತಗೊಂಡಿದೆ. ಉಡುಪಿ ಜಿಲ್ಲೆಯಲ್ಲೂ ಮಳೆ ಮುಂದುವರಿದಿದೆ.
        """;

    private const string Metro = """
        ಬೆಂಗಳೂರು: ನಮ್ಮ ಮೆಟ್ರೋದ ಹಳದಿ ಮಾರ್ಗದಲ್ಲಿ ಬುಧವಾರದಿಂದ ವಾಣಿಜ್ಯ ಸಂಚಾರ ಆರಂಭವಾಗಲಿದೆ ಎಂದು ಬಿಎಂಆರ್‌ಸಿಎಲ್ ತಿಳಿಸಿದೆ.
        ಆರ್.ವಿ. ರಸ್ತೆಯಿಂದ ಬೊಮ್ಮಸಂದ್ರವರೆಗಿನ ಈ ಮಾರ್ಗದಲ್ಲಿ ಹದಿನಾರು ನಿಲ್ದಾಣಗಳಿವೆ. ಪ್ರತಿ ಇಪ್ಪತ್ತು ನಿಮಿಷಕ್ಕೆ ಒಂದು ರೈಲು ಓಡಲಿದೆ.
        ಎಲೆಕ್ಟ್ರಾನಿಕ್ ಸಿಟಿಯ ಉದ್ಯೋಗಿಗಳಿಗೆ ಇದರಿಂದ ಸಂಚಾರ ದಟ್ಟಣೆಯಿಂದ ಮುಕ್ತಿ ಸಿಗಲಿದೆ ಎಂದು ನಿರೀಕ್ಷಿಸಲಾಗಿದೆ.
        """;

    private const string Cricket = """
        ಮೈಸೂರು: ರಣಜಿ ಟ್ರೋಫಿ ಪಂದ್ಯದಲ್ಲಿ ಕರ್ನಾಟಕ ತಂಡ ಕೇರಳದ ವಿರುದ್ಧ ಇನಿಂಗ್ಸ್ ಮತ್ತು ನಲವತ್ತು ರನ್‌ಗಳ ಜಯ ಸಾಧಿಸಿತು.
        ಎಡಗೈ ಸ್ಪಿನ್ನರ್ ಏಳು ವಿಕೆಟ್ ಪಡೆದು ಪಂದ್ಯಶ್ರೇಷ್ಠ ಪ್ರಶಸ್ತಿಗೆ ಪಾತ್ರರಾದರು. ಮುಂದಿನ ಪಂದ್ಯ ಹುಬ್ಬಳ್ಳಿಯಲ್ಲಿ ನಡೆಯಲಿದೆ.
        """;

    private static StoryArticle A(string id, string outlet, string title, string text, int hour) =>
        new(id, outlet, $"https://{outlet}.example/{id}", title, text, new DateTimeOffset(2026, 12, 2, hour, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TheSameEventFromThreeOutletsIsOneStory()
    {
        var stories = new StoryClusterer().Cluster(
        [
            A("rain-agency", "agency", "ಮಂಗಳೂರಿನಲ್ಲಿ ಭಾರಿ ಮಳೆ: ಶಾಲೆಗಳಿಗೆ ರಜೆ", Agency, 3),
            A("metro", "city", "ಮೆಟ್ರೋ ಹಳದಿ ಮಾರ್ಗ ಇಂದಿನಿಂದ", Metro, 4),
            A("rain-a", "karavali", "ದಕ್ಷಿಣ ಕನ್ನಡದಲ್ಲಿ ಭಾರಿ ಮಳೆ, ಶಾಲೆ-ಕಾಲೇಜಿಗೆ ರಜೆ", RewriteA, 5),
            A("cricket", "sports", "ರಣಜಿ: ಕರ್ನಾಟಕಕ್ಕೆ ಇನಿಂಗ್ಸ್ ಜಯ", Cricket, 2),
            A("rain-b", "suddi", "ಕರಾವಳಿಯಲ್ಲಿ ಮಳೆಯ ಆರ್ಭಟ", RewriteB, 6),
        ]);

        Assert.Equal(3, stories.Count);
        var rain = stories[0]; // the newest article is a rain report
        Assert.Equal("rain-agency", rain.Representative.Id); // the fullest text
        Assert.Equal(["rain-agency", "rain-a", "rain-b"], rain.Articles.Select(a => a.Id));
        Assert.Equal(["metro"], stories[1].Articles.Select(a => a.Id));
        Assert.Equal(["cricket"], stories[2].Articles.Select(a => a.Id));
    }

    [Fact]
    public void SimilarityTracksSharedAksharaRuns()
    {
        var c = new StoryClusterer();
        var agency = c.Signature(A("x", "o", "", Agency, 1));
        double rewrite = MinHasher.Similarity(agency, c.Signature(A("y", "o", "", RewriteA, 1)));
        double other = MinHasher.Similarity(agency, c.Signature(A("z", "o", "", Metro, 1)));
        Assert.True(rewrite >= 0.45, $"rewrite {rewrite:F2}");
        Assert.True(other < 0.1, $"unrelated {other:F2}");
        Assert.Equal(1.0, MinHasher.Similarity(agency, c.Signature(A("w", "o", "", Agency.Replace("\n", "  \n"), 1)))); // spacing is not text
    }

    [Fact]
    public void ShinglesAreAksharasNotCharacters()
    {
        // ಕನ್ನಡ is three aksharas (ಕ ನ್ನ ಡ): one 3-shingle. Character trigrams would give three.
        Assert.Equal(["ಕ", "ನ್ನ", "ಡ"], AksharaShingles.Units("ಕನ್ನಡ!"));
        Assert.Single(AksharaShingles.Of("ಕನ್ನಡ"));
        Assert.Equal(AksharaShingles.Of("ಕನ್ನಡ ನಾಡು"), AksharaShingles.Of("ಕನ್ನಡ, ನಾಡು."));
        // The ZWNJ of ಆರ್‌ಡಿಎಫ್ does not make it a different word.
        Assert.Equal(AksharaShingles.Of("ಆರ್\u200cಡಿಎಫ್"), AksharaShingles.Of("ಆರ್ಡಿಎಫ್"));
    }

    [SharedDataFact("news/ntrex128-kan/docs.jsonl")]
    public void OnNtrexEveryDocumentIsItsOwnStoryAndFindsItsEditedCopy()
    {
        var docs = File.ReadLines(SharedData.PathOf("news/ntrex128-kan/docs.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(d => (Id: d.GetProperty("doc_id").GetString()!, Title: d.GetProperty("headline_kn").GetString()!, Body: d.GetProperty("body_kn").GetString()!))
            .ToList();
        Assert.Equal(123, docs.Count);
        var articles = new List<StoryArticle>();
        foreach (var d in docs)
        {
            articles.Add(new StoryArticle(d.Id, "ntrex", "", d.Title, d.Body, null));
            // An outlet's copy: the first sentence dropped and the last two sentences swapped.
            var lines = d.Body.Split('\n').Skip(1).ToList();
            if (lines.Count >= 2)
                (lines[^1], lines[^2]) = (lines[^2], lines[^1]);
            articles.Add(new StoryArticle(d.Id + "/copy", "other", "", d.Title, string.Join('\n', lines), null));
        }

        var stories = new StoryClusterer().Cluster(articles);
        int merged = stories.Count(s => s.Articles.Count == 2 && s.Articles.Select(a => a.Id.Split('/')[0]).Distinct().Count() == 1);
        Assert.True(stories.All(s => s.Articles.Select(a => a.Id.Split('/')[0]).Distinct().Count() == 1), "two different documents were merged");
        output.WriteLine($"{merged} of 123 documents found their copy; {stories.Count} stories");
        Assert.True(merged >= 118, $"{merged} of 123 documents found their copy");
    }
}
