using System.Globalization;
using System.Text;
using KannadaKit.Testing.Net;
using Microsoft.AspNetCore.Http;

namespace KannadaKit.Testing.News;

/// <summary>
/// Three fixture outlets in the shape of Kannada news sites, served from a <see cref="LocalHttpServer"/>:
/// ಪ್ರಜಾವಾರ್ತೆ (RSS 2.0, ETag), ಕರಾವಳಿ ವಾರ್ತೆ (Atom 1.0 with xml:base, Last-Modified) and ಸುದ್ದಿ ಸಂಗಮ (RSS 2.0 with
/// content:encoded, both validators; one item's page is gone). Feeds answer conditional requests with 304. Dates
/// in the feeds are written relative to now, so the articles are always inside the run's window. One rain report
/// is in all three outlets; the metro, cricket and Dasara reports are in one each.
/// </summary>
public sealed class NewsSites
{
    /// <summary>Paths of the three feeds on the server.</summary>
    public static IReadOnlyList<string> FeedPaths { get; } = ["/prajavarthe/rss.xml", "/karavali/atom.xml", "/suddi/feed.xml"];

    /// <summary>Article pages the feeds link to that exist (the Dasara page does not).</summary>
    public static IReadOnlyList<string> PagePaths { get; } =
    [
        "/prajavarthe/2026/12/rain-schools-shut.html", "/prajavarthe/2026/12/metro-yellow-line.html",
        "/karavali/news/mangaluru-rain-holiday.html", "/karavali/sports/ranji-karnataka-win.html", "/suddi/karavali-male-aarbhata.html",
    ];

    private readonly LocalHttpServer _server;
    private readonly DateTimeOffset _now;

    private NewsSites(LocalHttpServer server, DateTimeOffset now)
    {
        _server = server;
        _now = now;
    }

    /// <summary>The folder the fixture files are copied to.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "News", "sites");

    /// <summary>Mounts the outlets on <paramref name="server"/>, dated relative to <paramref name="now"/>.</summary>
    public static NewsSites Mount(LocalHttpServer server, DateTimeOffset now)
    {
        var sites = new NewsSites(server, now);
        var lastModified = now.AddHours(-1).ToString("R", CultureInfo.InvariantCulture);
        server.On("/prajavarthe/rss.xml", ctx => sites.Feed(ctx, "prajavarthe/rss.xml", "application/rss+xml", etag: "\"pv-77\"", lastModified: null));
        server.On("/karavali/atom.xml", ctx => sites.Feed(ctx, "karavali/atom.xml", "application/atom+xml", etag: null, lastModified));
        server.On("/suddi/feed.xml", ctx => sites.Feed(ctx, "suddi/feed.xml", "text/xml", etag: "W/\"sg-3\"", lastModified));
        foreach (var path in PagePaths)
        {
            server.On(path, async ctx =>
            {
                ctx.Response.ContentType = "text/html; charset=utf-8";
                await ctx.Response.SendFileAsync(Path.Combine(Folder, path.TrimStart('/')));
            });
        }

        return sites;
    }

    /// <summary>One <c>news run</c> over the three outlets into <paramref name="statePath"/> (created), for tests
    /// of what comes after a run: serving, mailing. The outlets' server is gone when it returns.</summary>
    public static async Task<KannadaKit.News.Runs.NewsRunReport> RunOnceAsync(string statePath)
    {
        await using var server = await LocalHttpServer.StartAsync();
        Mount(server, DateTimeOffset.UtcNow);
        using var state = KannadaKit.News.State.NewsState.Open(statePath);
        using var fetcher = new KannadaKit.News.Fetching.HttpFetcher(new KannadaKit.News.Fetching.FetchOptions { AllowLoopback = true, PerHostInterval = TimeSpan.Zero });
        return await new KannadaKit.News.Runs.NewsRunner(state, fetcher).RunAsync([.. FeedPaths.Select(p => new KannadaKit.News.Subscriptions.Subscription(server.Url(p)))]);
    }

    /// <summary>A feed's text as served (placeholders filled in).</summary>
    public string FeedText(string file)
    {
        string text = File.ReadAllText(Path.Combine(Folder, file), Encoding.UTF8).Replace("{{BASE}}", _server.Address.AbsoluteUri, StringComparison.Ordinal);
        foreach (int h in new[] { 1, 2, 3, 4, 5, 6 })
        {
            var t = _now.AddHours(-h);
            text = text.Replace($"{{{{RFC822-{h}H}}}}", t.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace($"{{{{ISO-{h}H}}}}", t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    private async Task Feed(HttpContext ctx, string file, string type, string? etag, string? lastModified)
    {
        var request = ctx.Request.Headers;
        bool fresh = (etag is not null && request.IfNoneMatch.ToString() == etag)
            || (etag is null && lastModified is not null && request.IfModifiedSince.ToString() == lastModified);
        if (etag is not null)
            ctx.Response.Headers.ETag = etag;
        if (lastModified is not null)
            ctx.Response.Headers.LastModified = lastModified;
        if (fresh)
        {
            ctx.Response.StatusCode = 304;
            return;
        }

        ctx.Response.ContentType = type + "; charset=utf-8";
        await ctx.Response.WriteAsync(FeedText(file), Encoding.UTF8);
    }
}
