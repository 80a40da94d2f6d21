using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KannadaKit.News.Digests;
using KannadaKit.News.Json;
using KannadaKit.News.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KannadaKit.Web;

/// <summary>
/// <c>kannadakit news serve</c>: the current digest from the state file as <c>/</c> (the HTML page),
/// <c>/digest.json</c>, <c>/digest.atom</c> and <c>/digest.md</c>, read fresh on each request so a scheduled
/// <c>news run</c> shows up without a restart. Each answer carries an ETag, so feed readers polling the Atom feed
/// get 304 until the digest changes.
/// </summary>
public sealed class NewsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly NewsState _state;

    private NewsServer(WebApplication app, NewsState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>The address it listens on (known after <see cref="StartAsync"/>).</summary>
    public Uri Address => new(_app.Urls.First());

    /// <summary>Builds the server; the state is opened now, so a missing or bad file fails before anything listens.</summary>
    /// <exception cref="NewsStateException">The file is missing or not a news state.</exception>
    public static NewsServer Create(NewsServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = NewsState.Open(options.StatePath, create: false);
        try
        {
            var app = KestrelApp.Create(options.Address, options.Port, maxRequestBody: 0);
            Map(app, state);
            return new NewsServer(app, state);
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }

    /// <summary>Starts listening.</summary>
    public Task StartAsync(CancellationToken cancel = default) => _app.StartAsync(cancel);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _state.Dispose();
    }

    private static void Map(WebApplication app, NewsState state)
    {
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'";
            await next(ctx).ConfigureAwait(false);
        });
        string[] methods = ["GET", "HEAD"];
        app.MapMethods("/", methods, (HttpContext ctx) => Answer(ctx, "text/html; charset=utf-8", Text(w => DigestHtmlWriter.Write(w, state.Digest()))));
        app.MapMethods("/index.html", methods, (HttpContext ctx) => Answer(ctx, "text/html; charset=utf-8", Text(w => DigestHtmlWriter.Write(w, state.Digest()))));
        app.MapMethods("/digest.md", methods, (HttpContext ctx) => Answer(ctx, "text/markdown; charset=utf-8", Text(w => DigestMarkdownWriter.Write(w, state.Digest()))));
        app.MapMethods("/digest.json", methods, (HttpContext ctx) =>
        {
            using var s = new MemoryStream();
            using (var w = new Utf8JsonWriter(s, NewsJsonWriter.Options(indented: true)))
                NewsJsonWriter.WriteDigest(w, state.Digest());
            return Answer(ctx, "application/json; charset=utf-8", s.ToArray());
        });
        app.MapMethods("/digest.atom", methods, (HttpContext ctx) =>
        {
            using var s = new MemoryStream();
            var self = new Uri($"{ctx.Request.Scheme}://{ctx.Request.Host}/digest.atom");
            DigestAtomWriter.Write(s, state.Digest(), self);
            return Answer(ctx, "application/atom+xml; charset=utf-8", s.ToArray());
        });
    }

    private static byte[] Text(Action<TextWriter> write)
    {
        using var s = new MemoryStream();
        using (var w = new StreamWriter(s, new UTF8Encoding(false), 65536, leaveOpen: true))
            write(w);
        return s.ToArray();
    }

    // The ETag is the body's hash: the same digest answers 304, a new run's digest a fresh 200.
    private static IResult Answer(HttpContext ctx, string type, byte[] body)
    {
        string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..20] + "\"";
        ctx.Response.Headers.ETag = etag;
        ctx.Response.Headers.CacheControl = "no-cache";
        if (ctx.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(body, type);
    }
}
