using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using KannadaKit.Net;

namespace KannadaKit.News.Fetching;

/// <summary>
/// Polite, bounded HTTP GETs for feeds and article pages: http and https only, a clear User-Agent, conditional
/// requests (If-None-Match, If-Modified-Since), one request at a time per host with a gap after each, redirects followed a few times and never to
/// other schemes, private and loopback addresses refused unless allowed (checked on the address connected to), a
/// time limit on the whole response and a size limit after decompression. Thread-safe.
/// </summary>
public sealed class HttpFetcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly FetchOptions _options;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostGates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _hostNext = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A fetcher with <paramref name="options"/>.</summary>
    public HttpFetcher(FetchOptions? options = null)
    {
        _options = options ?? new FetchOptions();
        var handler = new GuardedConnector(_options.AllowPrivate, _options.Resolve, _options.AllowLoopback).Handler(_options.ConnectTimeout, maxRedirects: 0, decompress: true);
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
    }

    /// <summary>Fetches <paramref name="url"/>, conditionally when <paramref name="validators"/> are given.</summary>
    /// <param name="url">An http or https URL.</param>
    /// <param name="validators">What the server said last time, for a conditional request.</param>
    /// <param name="maxBytes">A lower size limit for this request than the fetcher's (article pages).</param>
    /// <param name="cancel">Cancels the request.</param>
    /// <exception cref="FetchException">Refused, failed, too slow, too large, or an HTTP error; the message names the URL.</exception>
    public async Task<FetchResult> GetAsync(Uri url, FetchValidators? validators = null, long? maxBytes = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            throw new FetchException($"{url}: only http and https URLs are fetched");
        var gate = await WaitForHostAsync(url.Host, cancel).ConfigureAwait(false);
        try
        {
            return await SendAsync(url, validators, Math.Min(maxBytes ?? long.MaxValue, _options.MaxBytes), cancel).ConfigureAwait(false);
        }
        finally
        {
            // The gap runs from the end of one request to the start of the next, as a crawl delay does.
            _hostNext[url.Host] = _options.Clock.GetUtcNow() + _options.PerHostInterval;
            gate.Release();
        }
    }

    private async Task<FetchResult> SendAsync(Uri url, FetchValidators? validators, long maxBytes, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            // Redirects are followed here, not by the handler: each target is checked for its scheme before any
            // request, and for its address when the connector resolves it.
            var current = url;
            for (int hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (validators?.ETag is { Length: > 0 } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                    request.Headers.IfNoneMatch.Add(tag);
                if (validators?.LastModified is { Length: > 0 } lm && DateTimeOffset.TryParse(lm, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                    request.Headers.IfModifiedSince = since;
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                var retryAfter = RetryAfter(response);
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    string target = response.Headers.TryGetValues("Location", out var values) ? values.First() : "";
                    if (!Uri.TryCreate(current, target, out var next) || next.Scheme is not ("http" or "https"))
                        throw new FetchException($"{url}: redirect to {(target.Length > 0 ? target : "(no Location)")} refused (only http and https are followed)", status);
                    if (hop >= _options.MaxRedirects)
                        throw new FetchException($"{url}: more than {_options.MaxRedirects} redirects", status);
                    current = next;
                    continue;
                }

                var validatorsNext = new FetchValidators(response.Headers.ETag?.ToString() ?? validators?.ETag,
                    response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture) ?? validators?.LastModified);
                if (status == 304)
                    return new FetchResult(current, status, true, [], "", null, validatorsNext, retryAfter);
                if (status >= 400)
                    throw new FetchException($"{url}: HTTP {status} {response.ReasonPhrase}", status, retryAfter);
                if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
                    throw new FetchException($"{url}: {declared:N0} bytes declared; more than the {maxBytes:N0}-byte limit");
                byte[] body = await ReadBoundedAsync(url, response.Content, maxBytes, timeout.Token).ConfigureAwait(false);
                var type = response.Content.Headers.ContentType;
                return new FetchResult(current, status, false, body, type?.MediaType ?? "", type?.CharSet?.Trim('"'), validatorsNext, retryAfter);
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new FetchException($"{url}: no complete answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            throw new FetchException($"{url}: {Innermost(e)}", (int?)e.StatusCode, null, e);
        }
        catch (InvalidDataException e)
        {
            throw new FetchException($"{url}: the compressed body is corrupt ({e.Message.TrimEnd('.')})", null, null, e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        foreach (var g in _hostGates.Values)
            g.Dispose();
    }

    private static async Task<byte[]> ReadBoundedAsync(Uri url, HttpContent content, long maxBytes, CancellationToken cancel)
    {
        using var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > maxBytes)
                throw new FetchException($"{url}: more than the {maxBytes:N0}-byte limit (after decompression); stopped reading");
            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    // One request at a time per host, and at least PerHostInterval after the previous one ended; the caller releases.
    private async Task<SemaphoreSlim> WaitForHostAsync(string host, CancellationToken cancel)
    {
        var gate = _hostGates.GetOrAdd(host, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var now = _options.Clock.GetUtcNow();
            if (_hostNext.TryGetValue(host, out var next) && next > now)
                await Task.Delay(next - now, _options.Clock, cancel).ConfigureAwait(false);
            return gate;
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } ra)
        {
            if (ra.Delta is { } d)
                return d;
            if (ra.Date is { } when)
                return when - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return response.Headers.CacheControl?.MaxAge;
    }

    // The deepest cause says what happened ("Connection refused", "resolves only to private addresses").
    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
            e = e.InnerException;
        return e.Message.TrimEnd('.');
    }
}
