using System.Text.Json;
using KannadaKit.Lexicon.Json;
using KannadaKit.Lexicon.Review;
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
/// (the array <c>lexicon search --json</c> prints) and <c>/api/entry/{headword}</c>; with a review token, a proposal
/// queue (<c>/review</c>, <c>/api/proposals</c>) whose only way into the lexicon is a reviewer's accept. Route values
/// are lookup keys only, never paths.
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
        if (options.ReviewToken is { } token && token.Trim().Length < ReviewTokenCheck.MinLength)
            throw new ArgumentException($"the review token must be at least {ReviewTokenCheck.MinLength} characters", nameof(options));
        using (var store = LexiconStore.Open(options.DatabasePath))
        {
            // A lexicon made before the queue existed gets its table now, before requests could race to make it.
            if (options.ReviewToken is not null)
                _ = new LexiconReview(store);
        }

        var app = KestrelApp.Create(options.Address, options.Port, maxRequestBody: 64 * 1024);
        var pool = new StorePool(options.DatabasePath);
        Map(app, pool, options.ReviewToken is { } t ? new ReviewTokenCheck(t.Trim()) : null, [.. options.ExtraRivals]);
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

    private static void Map(WebApplication app, StorePool pool, ReviewTokenCheck? review, IRival[] extraRivals)
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
                    return default((Lexicon.Model.LexiconEntry, SuggestionReport?, int)?);
                int pending = review is null ? -1 : new LexiconReview(s).PendingFor(e.Headword);
                // A native word needs no native equivalent; the rivals run for loans and Sanskrit-built words.
                if (e.BestOrigin?.Class == Lexicon.Model.OriginClass.Native)
                    return (e, (SuggestionReport?)null, pending);
                SuggestionReport? report = NativeSuggester.WithLexiconRivals(s, extraRivals).Suggest(e, 5);
                return (e, report, pending);
            });
            return found is { } f
                ? Results.Content(HtmlPages.Entry(f.Item1, f.Item2, f.Item3), "text/html; charset=utf-8")
                : Results.Content(HtmlPages.NotFound(headword), "text/html; charset=utf-8", statusCode: 404);
        });
        MapReview(app, pool, review);
    }

    private static void MapReview(WebApplication app, StorePool pool, ReviewTokenCheck? review)
    {
        const string Closed = "this server takes no proposals (start it with --review-token-file to open the review queue)";
        app.MapGet("/review", () => review is null
            ? Results.Content(HtmlPages.Message("review", Closed), "text/html; charset=utf-8", statusCode: 404)
            : Results.Content(HtmlPages.Review(), "text/html; charset=utf-8"));

        // Anyone may queue a proposal; nothing reaches the lexicon until a reviewer accepts it. JSON only, so a
        // cross-site form cannot post one.
        app.MapPost("/api/proposals", async (HttpRequest request) =>
        {
            if (review is null)
                return Error(403, Closed);
            var body = await JsonBody(request).ConfigureAwait(false);
            if (body.Error is { } error)
                return error;
            var kind = ProposalKinds.Parse(Str(body.Json, "kind"));
            if (kind is null)
                return Error(400, $"kind must be one of {string.Join(", ", ProposalKinds.Names)}");
            try
            {
                var draft = new ProposalDraft(Str(body.Json, "headword"), kind.Value, Str(body.Json, "text"), Str(body.Json, "note"), Str(body.Json, "contributor"));
                var queued = pool.Use(s => new LexiconReview(s).Submit(draft));
                return Json(w => LexiconJsonWriter.WriteProposal(w, queued), 201);
            }
            catch (ReviewException e)
            {
                return Error(400, e.Message);
            }
        });
        app.MapGet("/api/proposals", (HttpRequest request) =>
        {
            if (review is null)
                return Error(403, Closed);
            if (review.Refusal(request) is { } refused)
                return refused;
            string name = request.Query["status"].ToString();
            var status = name switch
            {
                "" or "pending" => ProposalStatus.Pending,
                "accepted" => ProposalStatus.Accepted,
                "rejected" => ProposalStatus.Rejected,
                _ => (ProposalStatus?)null,
            };
            if (status is null)
                return Error(400, "status must be pending, accepted or rejected");
            var list = pool.Use(s => new LexiconReview(s).List(status.Value, 200));
            return Json(w => LexiconJsonWriter.WriteProposals(w, list));
        });
        app.MapPost("/api/proposals/{id:long}/{verdict}", async (long id, string verdict, HttpRequest request) =>
        {
            if (review is null)
                return Error(403, Closed);
            if (review.Refusal(request) is { } refused)
                return refused;
            if (verdict is not ("accept" or "reject"))
                return Error(404, "expected /api/proposals/{id}/accept or /reject");
            string note = "";
            if (request.ContentLength > 0)
            {
                var body = await JsonBody(request).ConfigureAwait(false);
                if (body.Error is { } error)
                    return error;
                note = Str(body.Json, "note");
            }

            try
            {
                var done = pool.Use(s => verdict == "accept" ? new LexiconReview(s).Accept(id, note) : new LexiconReview(s).Reject(id, note));
                return Json(w => LexiconJsonWriter.WriteProposal(w, done));
            }
            catch (ReviewException e)
            {
                return Error(e.Message.Contains("no such", StringComparison.Ordinal) ? 404 : 409, e.Message);
            }
        });
    }

    private static async Task<(JsonElement Json, IResult? Error)> JsonBody(HttpRequest request)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (default, Error(415, "expected a JSON body (Content-Type: application/json)"));
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 4 }).ConfigureAwait(false);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? (doc.RootElement.Clone(), null)
                : (default, Error(400, "expected a JSON object"));
        }
        catch (JsonException e)
        {
            return (default, Error(400, $"request body: invalid JSON at byte {e.BytePositionInLine ?? 0} of line {(e.LineNumber ?? 0) + 1}"));
        }
        catch (BadHttpRequestException e)
        {
            return (default, Error(e.StatusCode, "request body: " + e.Message));
        }
    }

    private static string Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static IResult Json(Action<Utf8JsonWriter> write, int status = 200)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, LexiconJsonWriter.Options()))
            write(w);
        return status == 200
            ? Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json; charset=utf-8")
            : Results.Text(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new Dictionary<string, string> { ["error"] = message }, statusCode: status);
}
