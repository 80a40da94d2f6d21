using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KannadaKit.News.Feeds;

namespace KannadaKit.News.Articles;

/// <summary>
/// Main text, title, byline, date and lead image from an article page: SmartReader (Mozilla Readability's algorithm,
/// JSON-LD and Open Graph first) finds the content; we turn its blocks into paragraphs and drop what Kannada news
/// pages wrap around a story — "ಇದನ್ನೂ ಓದಿ" / "ಇದನ್ನೂ ನೋಡಿ" related links, advertisement labels, share prompts. The
/// charset comes from the BOM, the HTTP header, then the page's meta tag. Nothing is fetched: the page is given.
/// One instance per thread.
/// </summary>
public sealed partial class ArticleExtractor
{
    /// <summary>Pages larger than this are refused before parsing.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    // Lines that are furniture, not story: related-article pointers and ad or share labels, in Kannada and English.
    private static readonly string[] s_boilerplateStarts =
    [
        "ಇದನ್ನೂ ಓದಿ", "ಇದನ್ನು ಓದಿ", "ಇದನ್ನೂ ನೋಡಿ", "ಇದನ್ನು ನೋಡಿ", "ಇದನ್ನೂ ಓದಿರಿ", "ಓದಿ:", "ಮತ್ತಷ್ಟು ಓದಿ", "ಹೆಚ್ಚಿನ ಸುದ್ದಿ",
        "ಜಾಹೀರಾತು", "ಸಂಬಂಧಿತ ಸುದ್ದಿ", "ಇತ್ತೀಚಿನ ಸುದ್ದಿ", "Also Read", "Also read", "Read more", "Advertisement", "ADVERTISEMENT",
    ];

    private readonly string[] _boilerplate;

    // One parser for the extractor's life: building one costs more than parsing an article's content.
    private readonly HtmlParser _parser = new();

    /// <summary>An extractor; <paramref name="moreBoilerplate"/> adds line starts to drop (an outlet's own furniture).</summary>
    public ArticleExtractor(IEnumerable<string>? moreBoilerplate = null) => _boilerplate = [.. s_boilerplateStarts, .. moreBoilerplate ?? []];

    /// <summary>Extracts from page bytes.</summary>
    /// <exception cref="ArticleException">The page is too large or has no readable text.</exception>
    public Article Extract(ReadOnlySpan<byte> page, Uri url, string? httpCharset = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (page.Length > MaxBytes)
            throw new ArticleException($"{page.Length:N0} bytes; pages over {MaxBytes:N0} bytes are refused");
        return Extract(Decode(page, httpCharset), url);
    }

    /// <summary>Extracts from page text.</summary>
    /// <exception cref="ArticleException">No readable text.</exception>
    public Article Extract(string html, Uri url)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(url);
        var reader = new SmartReader.Reader(url.AbsoluteUri, html) { Debug = false };
        var article = reader.GetArticle();
        string text = Paragraphs(_parser, article.Content ?? "", _boilerplate);
        if (text.Length == 0)
            throw new ArticleException("no readable article text on the page");
        string title = FeedParser.PlainText(article.Title);
        string image = article.FeaturedImage is { Length: > 0 } img && Uri.TryCreate(url, img, out var abs) && abs.Scheme is "http" or "https" ? abs.AbsoluteUri : "";
        DateTimeOffset? published = article.PublicationDate is { } d
            ? new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)).ToUniversalTime()
            : null;
        return new Article(title, FeedParser.PlainText(article.Byline ?? article.Author), published, text, image, FeedParser.PlainText(article.SiteName));
    }

    /// <summary>The blocks of the content as lines, boilerplate lines dropped.</summary>
    internal static string Paragraphs(HtmlParser parser, string contentHtml, IReadOnlyList<string> boilerplate)
    {
        var doc = parser.ParseDocument("<body>" + contentHtml + "</body>");
        var lines = new List<string>();
        foreach (var block in doc.Body!.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption"))
        {
            if (block.QuerySelector("p, li, blockquote") is not null)
                continue; // a container: its own blocks are taken
            string line = Collapse(block.TextContent);
            if (line.Length > 0 && !IsBoilerplate(line, boilerplate))
                lines.Add(line);
        }

        if (lines.Count == 0 && Collapse(doc.Body.TextContent) is { Length: > 0 } flat && !IsBoilerplate(flat, boilerplate))
            lines.Add(flat);
        return string.Join('\n', lines.Distinct(StringComparer.Ordinal)).Normalize(NormalizationForm.FormC);
    }

    internal static bool IsBoilerplate(string line, IReadOnlyList<string> boilerplate) => boilerplate.Any(b => line.StartsWith(b, StringComparison.Ordinal));

    private static string Collapse(string s) => WhitespacePattern().Replace(s, " ").Trim();

    private static string Decode(ReadOnlySpan<byte> page, string? httpCharset)
    {
        if (httpCharset is null)
        {
            var head = Encoding.ASCII.GetString(page[..Math.Min(page.Length, 4096)]);
            var m = MetaCharsetPattern().Match(head);
            if (m.Success)
                httpCharset = m.Groups[1].Value;
        }

        return FeedText.Decode(page, httpCharset).Text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9._:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetPattern();
}
