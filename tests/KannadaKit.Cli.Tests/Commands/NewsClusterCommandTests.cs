using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Testing.Net;
using KannadaKit.Testing.News;
using KannadaKit.Testing.Postgres;
using Microsoft.AspNetCore.Http;

namespace KannadaKit.Cli.Tests.Commands;

/// <summary>
/// <c>kannadakit news run --cluster</c> with PostgreSQL membership, state and reminders: six feeds on 127.0.0.1 (the
/// three fixture outlets and three more whose items the test adds to), three workers polling them on their own
/// schedules; the worker holding the most feeds killed with SIGKILL, its feeds polled by the others, and their new
/// items collected by the next run.
/// </summary>
public sealed partial class NewsClusterCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly ClusterWorkers _workers;
    private readonly PostgresSchema? _schema = PostgresServer.SkipReason is null ? PostgresServer.NewSchema() : null;
    private readonly List<string>[] _items = [["ಮೊದಲ ಸುದ್ದಿ"], ["ಮೊದಲ ಸುದ್ದಿ"], ["ಮೊದಲ ಸುದ್ದಿ"]];
    private LocalHttpServer _server = null!;

    public NewsClusterCommandTests()
    {
        _workers = new ClusterWorkers(_cli.Directory);
    }

    private string Cluster => _schema?.ConnectionString ?? throw new InvalidOperationException(PostgresServer.SkipReason);

    private static string[] GeneratedPaths => ["/varthe/0.xml", "/varthe/1.xml", "/varthe/2.xml"];

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        NewsSites.Mount(_server, DateTimeOffset.UtcNow);
        for (int f = 0; f < 3; f++)
        {
            int feed = f;
            _server.On(GeneratedPaths[f], ctx => Feed(ctx, feed));
            for (int i = 0; i < 4; i++)
            {
                int item = i;
                _server.On($"/varthe/{feed}/{item}.html", ctx => Page(ctx, feed, item));
            }
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _workers.Dispose();
        _schema?.Dispose();
        _cli.Dispose();
    }

    private CliRunner.Result Run() => _cli.Run("", ["news", "run", "--cluster", Cluster, "--every", "0.2", "--feeds", FeedList(), "--state", _cli.PathOf("news.db"),
        "--out", _cli.PathOf("digest"), "--host-interval", "0", "--allow-private"]);

    private string FeedList() => _cli.Write("feeds.txt", string.Join('\n', NewsSites.FeedPaths.Concat(GeneratedPaths).Select(p => _server.Url(p).AbsoluteUri)) + "\n");

    [PostgresFact]
    public async Task FeedsArePolledByTheWorkersAndALostWorkersFeedsMoveToTheOthers()
    {
        for (int i = 0; i < 3; i++)
            _workers.Start(i, Cluster, "--allow-private");
        var first = Run();
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(first.Text.Contains("feeds: 6 (6 fetched, 0 not modified, 0 waiting, 0 failed); 9 new items", StringComparison.Ordinal), first.Text);
        Assert.Matches(@"stories: \d+ from 9 articles", first.Text);

        // The worker that fetched the most feeds goes.
        var busiest = WorkersLine().Match(first.Text);
        Assert.True(busiest.Success, first.Text);
        int port = int.Parse(busiest.Groups["port"].Value, CultureInfo.InvariantCulture);
        _workers.Kill(_workers.IndexOfPort(port));
        lock (_items)
        {
            foreach (var list in _items)
                list.Add("ಎರಡನೇ ಸುದ್ದಿ");
        }

        // Every feed, those of the lost worker too, is fetched again by the two left, on its own schedule.
        _server.Requests.Clear();
        var paths = NewsSites.FeedPaths.Concat(GeneratedPaths).ToHashSet();
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until && !paths.IsSubsetOf(_server.Requests.Select(r => r.Path)))
            await Task.Delay(500);
        Assert.Subset(_server.Requests.Select(r => r.Path).ToHashSet(), paths);
        // Fixture outlets answer 304 to the stored validators: the schedule keeps them with the feed's grain.
        Assert.All(_server.Requests.Where(r => NewsSites.FeedPaths.Contains(r.Path)), r => Assert.True(r.IfNoneMatch is not null || r.IfModifiedSince is not null, r.Path));

        var second = Run();
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.True(second.Text.Contains("feeds: 6 (3 fetched, 3 not modified, 0 waiting, 0 failed); 3 new items", StringComparison.Ordinal), second.Text);
        Assert.True(second.Text.Contains("articles: 3 fetched, 0 failed", StringComparison.Ordinal), second.Text);
        Assert.DoesNotContain($":{port} (", second.Text); // no feed was last fetched by the lost worker

        // The schedules as the cluster keeps them: every feed fetched lately by a worker still there, nothing waiting.
        var status = _cli.Run("", "news", "feed", "status", "--cluster", Cluster);
        Assert.True(status.ExitCode == 0, status.Stderr);
        Assert.StartsWith("6 feeds followed; feeds last fetched by", status.Text, StringComparison.Ordinal);
        var lines = status.Text.TrimEnd('\n').Split('\n')[1..];
        Assert.Equal(6, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"fetched \d+ (s|min) ago by 127\.0\.0\.1:\d+.*; 0 new items waiting", l));
        Assert.DoesNotContain($"127.0.0.1:{port}", status.Text);
        Assert.Contains("ಪ್ರಜಾವಾರ್ತೆ - ರಾಜ್ಯ: fetched", status.Text, StringComparison.Ordinal);

        // A feed dropped from the list is unfollowed; the run reports five.
        _cli.Write("feeds.txt", string.Join('\n', NewsSites.FeedPaths.Concat(GeneratedPaths.Take(2)).Select(p => _server.Url(p).AbsoluteUri)) + "\n");
        var third = _cli.Run("", ["news", "run", "--cluster", Cluster, "--every", "0.2", "--feeds", _cli.PathOf("feeds.txt"), "--state", _cli.PathOf("news.db"),
            "--out", _cli.PathOf("digest"), "--host-interval", "0", "--allow-private"]);
        Assert.True(third.ExitCode == 0, third.Stderr);
        Assert.True(third.Text.Contains("feeds: 5 (", StringComparison.Ordinal), third.Text);
    }

    [GeneratedRegex(@"feeds last fetched by \d workers?: 127\.0\.0\.1:(?<port>\d+) \(")]
    private static partial Regex WorkersLine();

    private async Task Feed(HttpContext ctx, int feed)
    {
        List<string> items;
        lock (_items)
            items = [.. _items[feed]];
        string etag = $"\"v{feed}-{items.Count}\"";
        ctx.Response.Headers.ETag = etag;
        if (ctx.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            ctx.Response.StatusCode = 304;
            return;
        }

        var b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>");
        b.Append(CultureInfo.InvariantCulture, $"<title>ವಾರ್ತೆ {feed}</title><link>{_server.Address}</link>");
        for (int i = 0; i < items.Count; i++)
        {
            string published = DateTimeOffset.UtcNow.AddMinutes(-30 + i).ToString("R", CultureInfo.InvariantCulture);
            b.Append(CultureInfo.InvariantCulture, $"<item><title>ವಾರ್ತೆ {feed}: {items[i]} ({Topic(feed, i)})</title><link>{_server.Url($"/varthe/{feed}/{i}.html")}</link>");
            b.Append(CultureInfo.InvariantCulture, $"<guid>varthe-{feed}-{i}</guid><pubDate>{published}</pubDate><description>{Topic(feed, i)}</description></item>");
        }

        b.Append("</channel></rss>");
        ctx.Response.ContentType = "application/rss+xml; charset=utf-8";
        await ctx.Response.WriteAsync(b.ToString(), Encoding.UTF8);
    }

    private static async Task Page(HttpContext ctx, int feed, int item)
    {
        string topic = Topic(feed, item);
        var body = new StringBuilder($"<!doctype html><html lang=\"kn\"><head><meta charset=\"utf-8\"><title>{topic}</title></head><body><article><h1>{topic}</h1>");
        for (int p = 0; p < 5; p++)
            body.Append(CultureInfo.InvariantCulture, $"<p>{topic} ಕುರಿತು ವಾರ್ತೆ {feed} ವರದಿ ಮಾಡಿದೆ. ಈ ಸುದ್ದಿಯ {p + 1}ನೇ ಭಾಗದಲ್ಲಿ ಜಿಲ್ಲೆಯ ಜನರ ಅಭಿಪ್ರಾಯ, ಅಧಿಕಾರಿಗಳ ಹೇಳಿಕೆ ಮತ್ತು ಮುಂದಿನ ಕ್ರಮಗಳ ವಿವರಗಳಿವೆ.</p>");
        body.Append("</article></body></html>");
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(body.ToString(), Encoding.UTF8);
    }

    // Each item its own event, so each is its own story.
    private static string Topic(int feed, int item) => (feed * 4 + item) switch
    {
        0 => "ಹುಬ್ಬಳ್ಳಿಯಲ್ಲಿ ಹೊಸ ಬಸ್ ನಿಲ್ದಾಣ ಉದ್ಘಾಟನೆ",
        1 => "ಮೈಸೂರು ಅರಮನೆಗೆ ಪ್ರವಾಸಿಗರ ದಂಡು",
        4 => "ಬೆಳಗಾವಿಯಲ್ಲಿ ಕಬ್ಬು ಬೆಳೆಗಾರರ ಪ್ರತಿಭಟನೆ",
        5 => "ಶಿವಮೊಗ್ಗದಲ್ಲಿ ವಿಮಾನ ನಿಲ್ದಾಣ ವಿಸ್ತರಣೆ",
        8 => "ಧಾರವಾಡ ಪೇಡೆಗೆ ಭೌಗೋಳಿಕ ಮಾನ್ಯತೆ",
        9 => "ಕೊಡಗಿನಲ್ಲಿ ಕಾಫಿ ಕೊಯ್ಲು ಆರಂಭ",
        _ => "ರಾಜ್ಯದಲ್ಲಿ ಚಳಿ ಹೆಚ್ಚಳ",
    };
}
