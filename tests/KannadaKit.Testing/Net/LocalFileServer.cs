using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KannadaKit.Testing.Net;

/// <summary>
/// A small HTTP/1.1 file server on 127.0.0.1 for download tests: serves byte arrays by path with single-range
/// requests, and can cut a response off part way (once) to test resuming. One request per connection.
/// </summary>
public sealed class LocalFileServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _cutAfter = -1;
    private int _stallAfter = -1;

    /// <summary>Starts listening on a free port.</summary>
    public LocalFileServer()
    {
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Requests seen, each as "GET /path range" (range empty when none).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Whether range requests are honoured (false: always the whole file with 200).</summary>
    public bool SupportsRanges { get; set; } = true;

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/> (no leading slash) and returns its URL.</summary>
    public Uri Add(string path, byte[] content)
    {
        _files[path] = content;
        return new Uri(BaseUri, path);
    }

    /// <summary>The next response body stops after <paramref name="bytes"/> bytes and the connection closes.</summary>
    public void CutNextResponseAfter(int bytes) => _cutAfter = bytes;

    /// <summary>The next response body stops after <paramref name="bytes"/> bytes and the connection stays open, silent.</summary>
    public void StallNextResponseAfter(int bytes) => _stallAfter = bytes;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = new StringBuilder();
                var one = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 8192)
                {
                    if (await stream.ReadAsync(one).ConfigureAwait(false) == 0)
                    {
                        return;
                    }

                    head.Append((char)one[0]);
                }

                var lines = head.ToString().Split("\r\n");
                var parts = lines[0].Split(' ');
                string path = Uri.UnescapeDataString(parts[1].TrimStart('/'));
                string? range = lines.FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))?[6..].Trim();
                Requests.Enqueue($"{parts[0]} /{path} {range}".TrimEnd());
                if (!_files.TryGetValue(path, out var body))
                {
                    await WriteAsync(stream, "404 Not Found", ReadOnlyMemory<byte>.Empty, null).ConfigureAwait(false);
                    return;
                }

                long from = 0;
                string status = "200 OK";
                string? contentRange = null;
                if (range is not null && SupportsRanges && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
                {
                    from = long.Parse(range[6..^1], CultureInfo.InvariantCulture);
                    if (from >= body.Length)
                    {
                        await WriteAsync(stream, "416 Range Not Satisfiable", ReadOnlyMemory<byte>.Empty, $"bytes */{body.Length}").ConfigureAwait(false);
                        return;
                    }

                    status = "206 Partial Content";
                    contentRange = $"bytes {from}-{body.Length - 1}/{body.Length}";
                }

                var slice = body.AsMemory((int)from);
                int cut = Interlocked.Exchange(ref _cutAfter, -1);
                int stall = Interlocked.Exchange(ref _stallAfter, -1);
                int send = stall >= 0 ? stall : cut;
                await WriteAsync(stream, status, send >= 0 ? slice[..Math.Min(send, slice.Length)] : slice, contentRange, slice.Length).ConfigureAwait(false);
                if (stall >= 0)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                // The client went away, or the server is stopping.
            }
        }
    }

    private static async Task WriteAsync(NetworkStream stream, string status, ReadOnlyMemory<byte> body, string? contentRange, long? declaredLength = null)
    {
        var head = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status}\r\nContent-Length: {declaredLength ?? body.Length}\r\nConnection: close\r\nAccept-Ranges: bytes\r\n"));
        if (contentRange is not null)
        {
            head.Append("Content-Range: ").Append(contentRange).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString())).ConfigureAwait(false);
        await stream.WriteAsync(body).ConfigureAwait(false);
        await stream.FlushAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }
}
