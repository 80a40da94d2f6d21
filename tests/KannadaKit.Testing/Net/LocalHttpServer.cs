using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KannadaKit.Testing.Net;

/// <summary>
/// A server on 127.0.0.1 that answers each path with a handler the test gives, and records every request as the
/// server saw it (path and the conditional headers), so tests check politeness on the server side.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    private LocalHttpServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string? IfNoneMatch, string? IfModifiedSince, string UserAgent)> Requests { get; } = new();

    public Uri Address => new(_app.Urls.First());

    public Uri Url(string path) => new(Address, path);

    public static async Task<LocalHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LocalHttpServer(app);
        app.Run(async ctx =>
        {
            var h = ctx.Request.Headers;
            server.Requests.Enqueue((ctx.Request.Path.Value ?? "", h.IfNoneMatch.Count > 0 ? h.IfNoneMatch.ToString() : null,
                h.IfModifiedSince.Count > 0 ? h.IfModifiedSince.ToString() : null, h.UserAgent.ToString()));
            if (server._routes.TryGetValue(ctx.Request.Path.Value ?? "", out var handler))
                await handler(ctx);
            else
                ctx.Response.StatusCode = 404;
        });
        await app.StartAsync();
        return server;
    }

    public void On(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
