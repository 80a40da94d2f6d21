using System.Security.Cryptography;
using System.Text;
using KannadaKit.News.Articles;
using KannadaKit.News.Digests;
using KannadaKit.News.Feeds;
using KannadaKit.News.Fetching;
using KannadaKit.News.State;
using KannadaKit.News.Stories;
using KannadaKit.News.Subscriptions;
using KannadaKit.News.Summaries;

namespace KannadaKit.News.Runs;

/// <summary>
/// One pass of the news pipeline, safe to repeat on a schedule: fetch each due feed conditionally, store its new
/// items; fetch each new item's page once and extract it; group the window's articles into stories; summarize the
/// stories whose content changed (the rest come from the cache); save the stories as the current digest. A failing
/// feed or page is recorded with its message and backed off, and the run goes on. Each step is committed as it
/// finishes, so an interrupted run keeps what it had done.
/// </summary>
public sealed class NewsRunner
{
    private readonly NewsState _state;
    private readonly HttpFetcher _fetcher;
    private readonly IStorySummarizer _summarizer;
    private readonly NewsRunOptions _options;
    private readonly StoryClusterer _clusterer;
    private readonly FeedParser _parser = new();

    /// <summary>A runner over <paramref name="state"/>, fetching with <paramref name="fetcher"/>.</summary>
    public NewsRunner(NewsState state, HttpFetcher fetcher, IStorySummarizer? summarizer = null, NewsRunOptions? options = null)
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _fetcher = fetcher ?? throw new ArgumentNullException(nameof(fetcher));
        _summarizer = summarizer ?? new ExtractiveStorySummarizer();
        _options = options ?? new NewsRunOptions();
        _clusterer = new StoryClusterer(_options.Clustering);
    }

    /// <summary>Runs once over <paramref name="subscriptions"/>.</summary>
    public async Task<NewsRunReport> RunAsync(IReadOnlyList<Subscription> subscriptions, IProgress<NewsRunProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = cancel };

        var outcomes = new FeedOutcome[subscriptions.Count];
        int feedsDone = 0;
        progress?.Report(new NewsRunProgress(NewsRunStage.Feeds, 0, subscriptions.Count));
        await Parallel.ForEachAsync(Enumerable.Range(0, subscriptions.Count), parallel, async (i, ct) =>
        {
            outcomes[i] = await PollAsync(subscriptions[i], ct).ConfigureAwait(false);
            progress?.Report(new NewsRunProgress(NewsRunStage.Feeds, Interlocked.Increment(ref feedsDone), subscriptions.Count));
        }).ConfigureAwait(false);

        var now = _options.Clock.GetUtcNow();
        var pending = _state.PendingArticles(now, now - _options.Window, _options.MaxArticleAttempts, _options.MaxArticlesPerRun);
        var failures = new System.Collections.Concurrent.ConcurrentBag<ArticleFailure>();
        int fetched = 0, articlesDone = 0;
        progress?.Report(new NewsRunProgress(NewsRunStage.Articles, 0, pending.Count));
        using (var extractors = new ThreadLocal<ArticleExtractor>(() => new ArticleExtractor()))
        {
            await Parallel.ForEachAsync(pending, parallel, async (p, ct) =>
            {
                if (await FetchArticleAsync(p, extractors, ct).ConfigureAwait(false) is { } failure)
                    failures.Add(failure);
                else
                    Interlocked.Increment(ref fetched);
                progress?.Report(new NewsRunProgress(NewsRunStage.Articles, Interlocked.Increment(ref articlesDone), pending.Count));
            }).ConfigureAwait(false);
        }

        var (digest, made, problems) = MakeStories(progress, cancel);
        return new NewsRunReport(outcomes, fetched, [.. failures.OrderBy(f => f.Url, StringComparer.Ordinal)], made, problems, digest);
    }

    private async Task<FeedOutcome> PollAsync(Subscription sub, CancellationToken cancel)
    {
        string url = sub.FeedUrl.AbsoluteUri;
        var stored = _state.Feed(url);
        string outlet = sub.Title.Length > 0 ? sub.Title : stored?.Outlet is { Length: > 0 } o ? o : sub.FeedUrl.Host;
        var now = _options.Clock.GetUtcNow();
        if (!_options.IgnoreSchedule && stored?.NextAttempt is { } next && next > now)
        {
            string why = stored.Failures > 0 ? $"backing off after {stored.Failures} failure{(stored.Failures == 1 ? "" : "s")}: {stored.LastError}" : "the server asked us to wait";
            return new FeedOutcome(url, outlet, FeedOutcomeKind.Waiting, 0, why, next);
        }

        try
        {
            var result = await _fetcher.GetAsync(sub.FeedUrl, stored?.Validators, null, cancel).ConfigureAwait(false);
            now = _options.Clock.GetUtcNow();
            DateTimeOffset? comeBack = result.RetryAfter is { } wait && wait > TimeSpan.Zero
                ? now + (wait < _options.MaxServerWait ? wait : _options.MaxServerWait)
                : null;
            if (result.NotModified)
            {
                _state.SaveFeed(url, outlet, null, result.Validators, now, comeBack, result.Status);
                return new FeedOutcome(url, outlet, FeedOutcomeKind.NotModified, 0, "", null);
            }

            Feed feed;
            try
            {
                feed = _parser.Parse(result.Body, result.Url, result.Charset);
            }
            catch (FeedParseException e)
            {
                throw new FetchException($"{url}: {e.Message}", e);
            }

            if (sub.Title.Length == 0 && feed.Title.Length > 0)
                outlet = feed.Title;
            feed = feed with { Entries = [.. feed.Entries.Take(_options.MaxItemsPerFeed)] };
            int added = _state.SaveFeed(url, outlet, feed, result.Validators, now, comeBack, result.Status);
            return new FeedOutcome(url, outlet, FeedOutcomeKind.Fetched, added, "", null);
        }
        catch (FetchException e)
        {
            now = _options.Clock.GetUtcNow();
            int failures = (stored?.Failures ?? 0) + 1;
            var retry = now + Backoff.After(failures, e.RetryAfter);
            _state.SaveFeedFailure(url, outlet, e.Message, e.Status, now, retry);
            return new FeedOutcome(url, outlet, FeedOutcomeKind.Failed, 0, e.Message, retry);
        }
    }

    private async Task<ArticleFailure?> FetchArticleAsync(PendingArticle p, ThreadLocal<ArticleExtractor> extractors, CancellationToken cancel)
    {
        var url = new Uri(p.Url);
        string message;
        try
        {
            var result = await _fetcher.GetAsync(url, null, ArticleExtractor.MaxBytes, cancel).ConfigureAwait(false);
            if (result.ContentType.Length > 0 && result.ContentType is not ("text/html" or "application/xhtml+xml"))
                throw new ArticleException($"not an HTML page ({result.ContentType})");
            var article = extractors.Value!.Extract(result.Body, result.Url, result.Charset);
            string title = p.Title.Length > 0 ? p.Title : article.Title;
            Save(p, title, article.Byline, p.Published ?? article.Published, article.Text, article.LeadImage, fromPage: true);
            return null;
        }
        catch (FetchException e)
        {
            message = e.Message;
        }
        catch (ArticleException e)
        {
            message = $"{p.Url}: {e.Message}";
        }

        var now = _options.Clock.GetUtcNow();
        _state.SaveArticleFailure(p.Url, message, now, now + Backoff.After(p.Attempts + 1));
        bool standIn = p.FeedText.Length >= _options.MinFeedTextLength;
        if (standIn)
            Save(p, p.Title, "", p.Published, p.FeedText, "", fromPage: false);
        return new ArticleFailure(p.Url, message, standIn);
    }

    private void Save(PendingArticle p, string title, string byline, DateTimeOffset? published, string text, string image, bool fromPage)
    {
        var signature = _clusterer.Signature(new StoryArticle(p.Url, p.Outlet, p.Url, title, text, published));
        _state.SaveArticle(new StoredArticle(p.Url, p.FeedUrl, p.Outlet, title, byline, published, text, image, fromPage, signature), _options.Clock.GetUtcNow());
    }

    private (Digest Digest, int Made, IReadOnlyList<string> Problems) MakeStories(IProgress<NewsRunProgress>? progress, CancellationToken cancel)
    {
        var now = _options.Clock.GetUtcNow();
        var stored = _state.Articles(now - _options.Window);
        var articles = stored.Select(a => new StoryArticle(a.Url, a.Outlet, a.Url, a.Title, a.Text, a.Published)).ToList();
        int expected = _options.Clustering.Bands * _options.Clustering.Rows;
        var signatures = stored.Select((a, i) => a.Signature.Length == expected ? a.Signature : _clusterer.Signature(articles[i])).ToList();
        var order = stored.Select((a, i) => (a.Url, i)).ToDictionary(x => x.Url, x => x.i, StringComparer.Ordinal);
        var stories = _clusterer.Cluster(articles, signatures)
            .Select(s => (Story: s, Updated: s.Articles.Max(a => a.Published) ?? now, Anchor: s.Articles.MinBy(a => order[a.Id])!.Id))
            .OrderByDescending(s => s.Updated).ThenBy(s => s.Anchor, StringComparer.Ordinal)
            .Take(_options.MaxStories)
            .ToList();

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<DigestStory>();
        var problems = new List<string>();
        int made = 0;
        progress?.Report(new NewsRunProgress(NewsRunStage.Stories, 0, stories.Count));
        foreach (var (story, updated, anchor) in stories)
        {
            cancel.ThrowIfCancellationRequested();
            string key = SummaryKey(story, _summarizer.Name);
            StorySummary summary;
            if (_state.CachedSummary(key) is { } cached)
            {
                summary = new StorySummary(cached.Headline, cached.Summary, cached.Method);
            }
            else
            {
                summary = Summarize(story, problems, cancel);
                made++;
            }

            keys[anchor] = key;
            var sources = story.Articles.Select(a => new DigestSource(a.Url, a.Outlet, a.Title, a.Published)).ToList();
            result.Add(new DigestStory(anchor, summary.Headline, summary.Text, summary.Method, updated, sources));
            progress?.Report(new NewsRunProgress(NewsRunStage.Stories, result.Count, stories.Count));
        }

        var digest = new Digest(now, _options.Title, result);
        _state.SaveStories(digest, keys);
        return (digest, made, problems);
    }

    // A model that fails on one story (a bad file, out of memory on a long article) costs that story its
    // abstract, not the run: the extractive summary stands in and the report says why.
    private StorySummary Summarize(Story story, List<string> problems, CancellationToken cancel)
    {
        try
        {
            var s = _summarizer.Summarize(story, cancel);
            if (s.Method != _summarizer.Name)
                problems.Add($"{story.Representative.Url}: {s.Method}");
            return s;
        }
        catch (Exception e) when (e is not OperationCanceledException && _summarizer is not ExtractiveStorySummarizer)
        {
            problems.Add($"{story.Representative.Url}: {_summarizer.Name} failed ({e.Message.TrimEnd('.')}); the extractive summary stands in");
            var fallback = new ExtractiveStorySummarizer().Summarize(story, cancel);
            return fallback with { Method = $"{fallback.Method} ({_summarizer.Name} failed)" };
        }
    }

    /// <summary>What a summary depends on: the members, the representative's text, and the method.</summary>
    internal static string SummaryKey(Story story, string method)
    {
        var b = new StringBuilder(method).Append('\n').Append(story.Representative.Id).Append('\n').Append(story.Representative.Title).Append('\n');
        foreach (var id in story.Articles.Select(a => a.Id).Order(StringComparer.Ordinal))
            b.Append(id).Append('\n');
        b.Append(story.Representative.Text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(b.ToString())));
    }
}
