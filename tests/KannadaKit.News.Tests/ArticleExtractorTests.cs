using System.Text;
using KannadaKit.News.Articles;
using KannadaKit.News.Json;

namespace KannadaKit.News.Tests;

public sealed class ArticleExtractorTests
{
    private static byte[] Page(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pages", name));

    private static readonly Uri s_url = new("https://karavali.example/2026/12/02/mangaluru-rain/");

    [Fact]
    public void AKannadaNewsPageGivesItsStoryWithoutTheFurniture()
    {
        var a = new ArticleExtractor().Extract(Page("karavali-rain.html"), s_url);
        Assert.Equal("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", a.Title);
        Assert.Equal("ಸುದ್ದಿ ಬ್ಯೂರೋ", a.Byline);
        Assert.Equal("2026-12-02T04:10:00Z", a.Published is { } p ? NewsJsonWriter.Iso(p) : "null");
        Assert.Equal("https://karavali.example/wp-content/uploads/2026/12/rain.jpg", a.LeadImage);
        Assert.Equal("ಕರಾವಳಿ ವಾರ್ತೆ", a.SiteName);
        var lines = a.Text.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("ದಕ್ಷಿಣ ಕನ್ನಡ ಜಿಲ್ಲೆಯಲ್ಲಿ", lines[0]);
        Assert.StartsWith("ಮಳೆಯಿಂದಾಗಿ", lines[3]);
        foreach (var furniture in new[] { "ಇದನ್ನೂ ಓದಿ", "ಇದನ್ನೂ ನೋಡಿ", "ಜಾಹೀರಾತು", "ಸಂಬಂಧಿತ", "ಮುಖಪುಟ", "ಹಕ್ಕುಗಳನ್ನು", "window.ads" })
            Assert.DoesNotContain(furniture, a.Text);
    }

    [Fact]
    public void TheMetaCharsetDecodesThePage()
    {
        string html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Caf\u00e9</title></head><body><article><p>"
            + string.Concat(Enumerable.Repeat("Un caf\u00e9 cr\u00e8me, s'il vous pla\u00eet. ", 20)) + "</p></article></body></html>";
        var a = new ArticleExtractor().Extract(Encoding.Latin1.GetBytes(html), new Uri("https://cafe.example/"));
        Assert.Contains("Un café crème", a.Text);
    }

    [Fact]
    public void PagesWithoutTextOrTooLargeAreRefused()
    {
        Assert.Equal("no readable article text on the page",
            Assert.Throws<ArticleException>(() => new ArticleExtractor().Extract("<html><body><nav></nav></body></html>", s_url)).Message);
        Assert.Contains("pages over", Assert.Throws<ArticleException>(() => new ArticleExtractor().Extract(new byte[ArticleExtractor.MaxBytes + 1], s_url)).Message);
    }

    [Fact]
    public void AnOutletsOwnFurnitureCanBeAdded()
    {
        var a = new ArticleExtractor(["ಮಳೆಯಿಂದಾಗಿ"]).Extract(Page("karavali-rain.html"), s_url);
        Assert.Equal(3, a.Text.Split('\n').Length);
        Assert.DoesNotContain("ಮರಗಳು ಉರುಳಿ", a.Text);
        // Line starts, not words anywhere: a story that mentions "ಜಾಹೀರಾತು" in passing keeps its sentence.
        Assert.False(ArticleExtractor.IsBoilerplate("ಸರ್ಕಾರದ ಜಾಹೀರಾತು ನೀತಿ ಬದಲಾಗಿದೆ.", ["ಜಾಹೀರಾತು"]));
    }
}
