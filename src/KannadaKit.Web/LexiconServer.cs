using System.Text.Json;
using KannadaKit.Lexicon.Json;
using KannadaKit.Lexicon.Search;
using KannadaKit.Lexicon.Store;
using KannadaKit.Lexicon.Suggestions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KannadaKit.Web;

/// <summary>
/// <c>kannadakit lexicon serve</c>: <c>/</c> (search as you type), <c>/entry/{headword}</c>, <c>/api/search?q=…</c>
/// (the array <c>lexicon search --json</c> prints) and <c>/api/entry/{headword}</c>. Read-only over the lexicon;
/// route values are lookup keys only, never paths.
/// </summary>
public sealed class LexiconServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StorePool _pool;

    private LexiconServer(WebApplication app, StorePool pool)
    {
        _app = app;
        _pool = pool;
    }

    /// <summary>The address it listens on (known after <see cref="StartAsync"/>).</summary>
    public Uri Address => new(_app.Urls.First());

    /// <summary>Builds the server; the lexicon is opened now so a bad file fails before anything listens.</summary>
    /// <exception cref="LexiconStoreException">The file is not a lexicon.</exception>
    public static LexiconServer Create(LexiconServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        LexiconStore.Open(options.DatabasePath).Dispose();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(options.Address, options.Port);
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.MaxRequestBodySize = 64 * 1024;
        });
        var app = builder.Build();
        var pool = new StorePool(options.DatabasePath);
        Map(app, pool);
        return new LexiconServer(app, pool);
    }

    /// <summary>Starts listening.</summary>
    public Task StartAsync(CancellationToken cancel = default) => _app.StartAsync(cancel);

    /// <summary>Runs until <paramref name="cancel"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        await _app.StartAsync(cancel).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // asked to stop
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _pool.Dispose();
    }

    private static void Map(WebApplication app, StorePool pool)
    {
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline'";
            await next(ctx).ConfigureAwait(false);
        });
        app.MapGet("/", () => Results.Content(HtmlPages.Search(), "text/html; charset=utf-8"));
        app.MapGet("/api/search", (HttpContext ctx) =>
        {
            string q = ctx.Request.Query["q"].ToString();
            string modeName = ctx.Request.Query["mode"].ToString();
            var mode = modeName.Length == 0 ? SearchMode.Auto : SearchModes.Parse(modeName);
            if (mode is null)
                return Error(400, $"mode '{modeName}' is not one of {string.Join(", ", SearchModes.Names)}");
            int limit = int.TryParse(ctx.Request.Query["limit"], out int n) ? n : 20;
            if (limit is < 1 or > 100)
                return Error(400, "limit must be between 1 and 100");
            try
            {
                var results = pool.Use(s => new LexiconSearcher(s).Search(q, mode.Value, limit));
                return Json(w => LexiconJsonWriter.WriteResults(w, results));
            }
            catch (LexiconStoreException e)
            {
                return Error(400, e.Message);
            }
        });
        app.MapGet("/api/entry/{headword}", (string headword) =>
        {
            var entry = headword.Length > LexiconSearcher.MaxQueryLength ? null : pool.Use(s => s.Get(headword));
            return entry is null ? Error(404, "no such entry") : Json(w => LexiconJsonWriter.WriteEntry(w, entry));
        });
        app.MapGet("/entry/{headword}", (string headword) =>
        {
            var found = headword.Length > LexiconSearcher.MaxQueryLength ? default : pool.Use(s =>
            {
                var e = s.Get(headword);
                if (e is null)
                    return default((Lexicon.Model.LexiconEntry, SuggestionReport?)?);
                // A native word needs no native equivalent; the rivals run for loans and Sanskrit-built words.
                if (e.BestOrigin?.Class == Lexicon.Model.OriginClass.Native)
                    return (e, (SuggestionReport?)null);
                SuggestionReport? report = NativeSuggester.WithLexiconRivals(s).Suggest(e, 5);
                return (e, report);
            });
            return found is { } f
                ? Results.Content(HtmlPages.Entry(f.Item1, f.Item2), "text/html; charset=utf-8")
                : Results.Content(HtmlPages.NotFound(headword), "text/html; charset=utf-8", statusCode: 404);
        });
    }

    private static IResult Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, LexiconJsonWriter.Options()))
            write(w);
        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json; charset=utf-8");
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new Dictionary<string, string> { ["error"] = message }, statusCode: status);
}
