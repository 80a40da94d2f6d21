using System.CommandLine;
using System.Globalization;
using KannadaKit.Cli.Terminal;
using KannadaKit.News.Digests;
using KannadaKit.News.Fetching;
using KannadaKit.News.Runs;
using KannadaKit.News.State;
using KannadaKit.News.Subscriptions;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit news run</c>: one idempotent pass of fetch → extract → stories → summaries → digest files.</summary>
internal static class NewsRunCommand
{
    public static Command Create(CliContext context)
    {
        var feeds = new Option<string?>("--feeds") { Description = "Feeds to follow: OPML or a text list (one URL per line); default: the bundled list of Kannada outlets" };
        var state = new Option<string>("--state") { Description = "The state file (SQLite; created on first run)", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for index.html, digest.json, digest.atom and digest.md", Required = true };
        var model = new Option<string?>("--model") { Description = "An ONNX summarization model folder (encoder-decoder, or decoder-only with a chat template); default: extractive, no model" };
        var device = new Option<string>("--device") { Description = "Where the model runs: cpu, cuda, or auto", DefaultValueFactory = _ => "cpu" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow feeds and pages on loopback and private addresses (a local server)" };
        var window = new Option<double>("--window") { Description = "Stories from articles of the last N hours", DefaultValueFactory = _ => 48 };
        var maxStories = new Option<int>("--max-stories") { Description = "Stories in the digest at most", DefaultValueFactory = _ => 40 };
        var interval = new Option<double>("--host-interval") { Description = "Seconds between two requests to one host", DefaultValueFactory = _ => 1 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds a whole response may take", DefaultValueFactory = _ => 30 };
        var force = new Option<bool>("--force") { Description = "Fetch every feed now, even those backing off after failures (with --cluster: the workers do, and the run waits for them)" };
        var progress = new Option<bool?>("--progress") { Description = "Show progress on standard error (default: when it is a terminal)" };
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Poll the feeds on a cluster (localhost[:PORTS] or a PostgreSQL connection string): each feed a grain on its own schedule on some worker; this run collects what they found",
        };
        var desk = new Option<string>("--desk") { Description = "With --cluster: this digest's name on the cluster; digests with different desks follow their feeds apart", DefaultValueFactory = _ => "default" };
        var every = new Option<double>("--every") { Description = "With --cluster: minutes between two polls of a feed (at least 1/6)", DefaultValueFactory = _ => 15 };
        var command = new Command("run", "Fetch feeds (conditionally), extract new articles, group them into one story per event, summarize, and write the digest; safe to repeat on a schedule")
        {
            feeds, state, output, model, device, allowPrivate, window, maxStories, interval, timeout, force, progress, cluster, desk, every,
        };
        command.SetAction(parse => context.Run(() =>
        {
            double hours = parse.GetValue(window), gap = parse.GetValue(interval), limit = parse.GetValue(timeout);
            int stories = parse.GetValue(maxStories);
            if (hours <= 0 || stories < 1 || gap < 0 || limit <= 0)
                throw new CliException("--window, --max-stories and --timeout must be positive, --host-interval not negative", ExitCodes.Usage);
            var subscriptions = LoadFeeds(parse.GetValue(feeds));
            string outDir = parse.GetValue(output)!;
            if (File.Exists(outDir))
                throw new CliException($"--out: {outDir} is a file; expected a folder", ExitCodes.Usage);

            double minutes = parse.GetValue(every);
            if (minutes < 1.0 / 6 || minutes > 7 * 24 * 60)
                throw new CliException("--every: minutes between polls, from 1/6 (10 s) to a week", ExitCodes.Usage);
            string deskName = NewsClusterFeeds.Desk(parse.GetValue(desk));
            using var clusterHost = parse.GetValue(cluster) is { } c ? ClusterCommand.Client(ClusterCommand.Connection(c)) : null;
            using var loader = NewsModelLoader.Load(parse.GetValue(model), parse.GetValue(device)!);
            if (loader is not null)
                context.Error.WriteLine($"kannadakit: summaries by {loader.Summarizer.Name}: {loader.Description}");
            using var store = NewsState.Open(parse.GetValue(state)!);
            using var fetcher = new HttpFetcher(new FetchOptions
            {
                AllowPrivate = parse.GetValue(allowPrivate),
                PerHostInterval = TimeSpan.FromSeconds(gap),
                Timeout = TimeSpan.FromSeconds(limit),
            });
            var runner = new NewsRunner(store, fetcher, loader?.Summarizer, new NewsRunOptions
            {
                Window = TimeSpan.FromHours(hours),
                MaxStories = stories,
                IgnoreSchedule = parse.GetValue(force),
            });
            NewsRunReport report;
            IReadOnlyList<KannadaKit.Cluster.News.FeedPollStatus>? polled = null;
            using (var line = StatusLine.Create(context.Error, parse.GetValue(progress)))
            {
                // Reports come from the fetching threads; the line is drawn by one at a time.
                var shown = new SyncProgress<NewsRunProgress>(p =>
                {
                    lock (line)
                        line.Draw(() => Describe(p), force: p.Done == p.Total);
                });
                if (clusterHost is null)
                {
                    report = runner.RunAsync(subscriptions, shown).GetAwaiter().GetResult();
                }
                else
                {
                    var grains = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IClusterClient>(clusterHost.Services);
                    (var outcomes, polled) = NewsClusterFeeds.Collect(grains, deskName, subscriptions, TimeSpan.FromMinutes(minutes), parse.GetValue(force), store, line);
                    report = runner.RunAsync([], shown).GetAwaiter().GetResult() with { Feeds = outcomes };
                }

                line.Clear();
            }

            DigestFiles.Write(outDir, report.Digest);
            store.RecordDelivery("files", Path.GetFullPath(outDir), report.Digest.Stories.Select(s => s.Id), report.Digest.Generated, string.Join(",", DigestFiles.Names));
            using var o = context.OpenOutput();
            Print(o, report, outDir);
            if (polled is not null)
                o.WriteLine(NewsClusterFeeds.Workers(polled));
            o.Flush();
            foreach (var f in report.Feeds.Where(f => f.Kind == FeedOutcomeKind.Failed))
                context.Error.WriteLine($"kannadakit: feed failed: {f.Message}");
            // Schedule-friendly: a run that kept going past failing feeds succeeded; one where no feed answered did not.
            bool noneAnswered = report.Feeds.Count > 0 && report.Feeds.All(f => f.Kind == FeedOutcomeKind.Failed);
            return noneAnswered ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }

    internal static IReadOnlyList<Subscription> LoadFeeds(string? path)
    {
        if (path is null)
            return SubscriptionList.Default();
        if (!File.Exists(path))
            throw new CliException($"--feeds: {path}: no such file", ExitCodes.Usage);
        try
        {
            var list = SubscriptionList.Load(path);
            return list.Count > 0 ? list : throw new CliException($"{path}: no http or https feeds in the list");
        }
        catch (SubscriptionException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    private static string Describe(NewsRunProgress p)
    {
        string what = p.Stage switch { NewsRunStage.Feeds => "feeds   ", NewsRunStage.Articles => "articles", _ => "stories " };
        double f = p.Total == 0 ? 1 : (double)p.Done / p.Total;
        return $"{what} {StatusLine.Bar(f)} {p.Done}/{p.Total}";
    }

    private static void Print(TextWriter o, NewsRunReport r, string outDir)
    {
        int Count(FeedOutcomeKind k) => r.Feeds.Count(f => f.Kind == k);
        o.WriteLine($"feeds: {r.Feeds.Count} ({Count(FeedOutcomeKind.Fetched)} fetched, {Count(FeedOutcomeKind.NotModified)} not modified, "
            + $"{Count(FeedOutcomeKind.Waiting)} waiting, {Count(FeedOutcomeKind.Failed)} failed); {r.Feeds.Sum(f => f.NewItems)} new items");
        foreach (var f in r.Feeds.Where(f => f.Kind is FeedOutcomeKind.Failed or FeedOutcomeKind.Waiting))
        {
            string next = f.NextAttempt is { } n ? $" (next try {News.Json.NewsJsonWriter.Iso(n)})" : "";
            o.WriteLine($"  {(f.Kind == FeedOutcomeKind.Failed ? "failed " : "waiting")} {f.Outlet}: {f.Message}{next}");
        }

        int standIns = r.ArticleFailures.Count(a => a.FeedTextUsed);
        o.WriteLine($"articles: {r.ArticlesFetched} fetched, {r.ArticleFailures.Count} failed" + (standIns > 0 ? $" ({standIns} shown with the feed's text)" : ""));
        foreach (var a in r.ArticleFailures)
            o.WriteLine($"  failed  {a.Message}");
        string methods = string.Join(", ", r.Digest.Stories.GroupBy(s => s.Method).Select(g => $"{g.Count()} {g.Key}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stories: {r.Digest.Stories.Count} from {r.Digest.Stories.Sum(s => s.Sources.Count)} articles; {r.SummariesMade} summarized now, {r.Digest.Stories.Count - r.SummariesMade} unchanged{(methods.Length > 0 ? " (" + methods + ")" : "")}"));
        foreach (var p in r.SummaryProblems)
            o.WriteLine($"  summary {p}");
        o.WriteLine($"wrote {string.Join(", ", DigestFiles.Names.Select(n => Path.Combine(outDir, n)))}");
    }
}
