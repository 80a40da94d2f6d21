using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using KannadaKit.Web;

namespace KannadaKit.Cluster.Web;

/// <summary>
/// <c>kannadakit cluster serve</c>: the cluster's state as <c>/</c> (a page that refreshes itself: workers, jobs as
/// progress bars, feeds) and <c>/status.json</c>, read from the cluster on each request. A cluster that does not
/// answer gets 503 and says so.
/// </summary>
public sealed class ClusterServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly WebApplication _app;

    private ClusterServer(WebApplication app) => _app = app;

    /// <summary>The address it listens on (known after <see cref="StartAsync"/>).</summary>
    public Uri Address => new(_app.Urls.First());

    /// <summary>Builds the server.</summary>
    public static ClusterServer Create(ClusterServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = KestrelApp.Create(options.Address, options.Port, maxRequestBody: 0);
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            ctx.Response.Headers.CacheControl = "no-store";
            await next(ctx).ConfigureAwait(false);
        });
        string[] methods = ["GET", "HEAD"];
        app.MapMethods("/", methods, (HttpContext ctx) => Answer(ctx, options, "text/html; charset=utf-8", o =>
        {
            using var w = new StringWriter();
            ClusterPage.Write(w, o, options.RefreshSeconds);
            return Encoding.UTF8.GetBytes(w.ToString());
        }));
        app.MapMethods("/status.json", methods, (HttpContext ctx) => Answer(ctx, options, "application/json; charset=utf-8", o => JsonSerializer.SerializeToUtf8Bytes(o, Json)));
        return new ClusterServer(app);
    }

    /// <summary>Starts listening.</summary>
    public Task StartAsync(CancellationToken cancel = default) => _app.StartAsync(cancel);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task Answer(HttpContext ctx, ClusterServerOptions options, string type, Func<ClusterOverview, byte[]> render)
    {
        ClusterOverview overview;
        try
        {
            overview = await options.Overview(ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KannadaKit.Cluster.Jobs.ClusterJobException || ClusterCalls.IsTransient(e))
        {
            ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            await ctx.Response.WriteAsync($"the cluster does not answer: {e.Message.Split('\n')[0]}\n").ConfigureAwait(false);
            return;
        }

        byte[] body = render(overview);
        ctx.Response.ContentType = type;
        ctx.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(ctx.Request.Method))
            await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
    }
}
