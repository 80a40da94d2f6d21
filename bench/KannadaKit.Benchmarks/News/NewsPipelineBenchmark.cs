using System.Diagnostics;
using System.Globalization;
using System.Text;
using KannadaKit.News.Articles;
using KannadaKit.News.Stories;
using KannadaKit.News.Summaries;

namespace KannadaKit.Benchmarks.News;

/// <summary>
/// <c>bench -- news [N]</c>: extract + one story per event + extractive summary on N synthetic Kannada article pages
/// (default 1,000; every page's text is new: sentences drawn from a generated pool, a fifth of the pages rewrites of
/// another outlet's report), articles per second and peak memory; against SmartReader's own text (the extraction a
/// user would otherwise take) and all-pairs exact Jaccard (the dedup a user would otherwise write).
/// </summary>
internal static class NewsPipelineBenchmark
{
    private static readonly string[] s_words =
    [
        "ಜಿಲ್ಲೆಯಲ್ಲಿ", "ಮಳೆ", "ಸರ್ಕಾರ", "ಮುಖ್ಯಮಂತ್ರಿ", "ಶಾಲೆ", "ರಸ್ತೆ", "ನದಿ", "ಯೋಜನೆ", "ರೈತರು", "ಬೆಳೆ", "ಮಾರುಕಟ್ಟೆ", "ನಗರ",
        "ಪೊಲೀಸರು", "ಆಸ್ಪತ್ರೆ", "ವಿದ್ಯಾರ್ಥಿಗಳು", "ಚುನಾವಣೆ", "ಸಭೆ", "ಕಾರ್ಯಕ್ರಮ", "ಅಧಿಕಾರಿಗಳು", "ಘೋಷಿಸಿದೆ", "ತಿಳಿಸಿದ್ದಾರೆ",
        "ನಡೆಯಿತು", "ಆರಂಭವಾಗಿದೆ", "ಬೆಂಗಳೂರು", "ಮೈಸೂರು", "ಮಂಗಳೂರು", "ಹುಬ್ಬಳ್ಳಿ", "ಕಲಬುರಗಿ", "ಬೆಳಗಾವಿ", "ಕೇಂದ್ರ", "ರಾಜ್ಯ",
        "ನೀರು", "ವಿದ್ಯುತ್", "ಬಸ್", "ಮೆಟ್ರೋ", "ಕ್ರೀಡೆ", "ತಂಡ", "ಪಂದ್ಯ", "ಗೆಲುವು", "ಹಣ", "ಬಜೆಟ್", "ಸಾವಿರ", "ಕೋಟಿ", "ಇಂದು",
        "ನಿನ್ನೆ", "ನಾಳೆ", "ಮತ್ತು", "ಹಾಗೂ", "ಈ", "ಆ", "ಹೊಸ", "ದೊಡ್ಡ", "ಭಾರಿ", "ಮೊದಲ", "ಕೊನೆಯ", "ಜನರು", "ಮನೆ", "ಊರು",
    ];

    public static int Run(string[] args)
    {
        int n = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : 1000;
        var random = new Random(20261204);
        var pages = new List<(Uri Url, byte[] Html)>(n);
        var reports = new List<List<string>>();
        for (int i = 0; i < n; i++)
        {
            List<string> sentences;
            if (reports.Count > 0 && random.NextDouble() < 0.2)
            {
                // Another outlet's rewrite: the same report, a sentence dropped, one word changed in each sentence.
                sentences = [.. reports[random.Next(reports.Count)].Skip(1).Select(s => Rewrite(s, random))];
            }
            else
            {
                sentences = [.. Enumerable.Range(0, 6 + random.Next(10)).Select(_ => Sentence(random))];
                reports.Add(sentences);
            }

            pages.Add((new Uri($"https://outlet{i % 7}.example/2026/12/{i}/"), Encoding.UTF8.GetBytes(Html(sentences, i))));
        }

        long bytes = pages.Sum(p => p.Html.Length);
        Console.WriteLine($"news: {n:N0} synthetic Kannada article pages ({bytes / 1e6:F1} MB HTML), one thread:");
        var extractor = new ArticleExtractor();
        // Warm both extractors up on pages of their own, so neither pays the JIT in the measured run.
        var warm = Enumerable.Range(0, 30).Select(i => Encoding.UTF8.GetBytes(Html([.. Enumerable.Range(0, 8).Select(_ => Sentence(random))], -i))).ToList();
        foreach (var w in warm)
        {
            extractor.Extract(w, new Uri("https://warm.example/"));
            _ = new SmartReader.Reader("https://warm.example/", Encoding.UTF8.GetString(w)).GetArticle().TextContent;
        }

        var clock = Stopwatch.StartNew();
        var articles = pages.Select(p => extractor.Extract(p.Html, p.Url)).ToList();
        double extract = clock.Elapsed.TotalSeconds;
        var stories = new StoryClusterer().Cluster(articles.Select((a, i) => new StoryArticle(i.ToString(CultureInfo.InvariantCulture), "o", pages[i].Url.AbsoluteUri, a.Title, a.Text, a.Published)));
        double cluster = clock.Elapsed.TotalSeconds - extract;
        var summarizer = new ExtractiveSummarizer();
        int summarized = stories.Sum(s => summarizer.Summarize(s.Representative.Text).Sentences.Count > 0 ? 1 : 0);
        double total = clock.Elapsed.TotalSeconds;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  extract {extract:F2} s, stories {cluster:F2} s ({stories.Count:N0} stories), summaries {total - extract - cluster:F2} s ({summarized:N0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pipeline: {n / total:N0} articles/s; peak working set {peak / 1e6:F0} MB"));

        // Peers in the same run.
        clock.Restart();
        foreach (var p in pages)
            _ = new SmartReader.Reader(p.Url.AbsoluteUri, Encoding.UTF8.GetString(p.Html)).GetArticle().TextContent;
        double smart = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  extraction: SmartReader alone {n / smart:N0} pages/s, ours (SmartReader + paragraphs + boilerplate) {n / extract:N0} pages/s: {smart / extract:F2}x"));
        clock.Restart();
        var sets = articles.Select(a => AksharaShingles.Of(a.Title + "\n" + a.Text)).ToList();
        int pairs = 0;
        for (int i = 0; i < sets.Count; i++)
        {
            for (int j = i + 1; j < sets.Count; j++)
            {
                int common = sets[i].Count(sets[j].Contains);
                if (common >= 0.4 * (sets[i].Count + sets[j].Count - common))
                    pairs++;
            }
        }

        double exact = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  dedup: all-pairs exact Jaccard {exact:F2} s ({pairs:N0} pairs ≥ 0.4), ours (MinHash + LSH) {cluster:F2} s: {exact / cluster:F1}x"));
        return 0;
    }

    private static string Sentence(Random r) =>
        string.Join(' ', Enumerable.Range(0, 6 + r.Next(8)).Select(_ => s_words[r.Next(s_words.Length)])) + ".";

    private static string Rewrite(string s, Random r)
    {
        var words = s.TrimEnd('.').Split(' ');
        words[r.Next(words.Length)] = s_words[r.Next(s_words.Length)];
        return string.Join(' ', words) + ".";
    }

    private static string Html(List<string> sentences, int i)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html><html lang=\"kn\"><head><meta charset=\"utf-8\"><title>").Append(sentences[0][..Math.Min(40, sentences[0].Length)]).Append("</title>");
        b.Append("<script>var ads=[];</script></head><body><nav><a href=\"/\">ಮುಖಪುಟ</a> <a href=\"/rajya\">ರಾಜ್ಯ</a></nav><div class=\"ad\">ಜಾಹೀರಾತು</div><article>");
        b.Append("<h1>").Append(sentences[0]).Append("</h1><div class=\"content\">");
        for (int k = 0; k < sentences.Count; k += 2)
        {
            b.Append("<p>").Append(string.Join(' ', sentences.Skip(k).Take(2))).Append("</p>");
            if (k == 2)
                b.Append("<p><strong>ಇದನ್ನೂ ಓದಿ:</strong> <a href=\"/x").Append(i).Append("\">ಮತ್ತೊಂದು ಸುದ್ದಿ</a></p>");
        }

        b.Append("</div></article><footer>© 2026</footer></body></html>");
        return b.ToString();
    }
}
