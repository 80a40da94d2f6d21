using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using KannadaKit.Net;

namespace KannadaKit.Speech.Models;

/// <summary>
/// Downloads manifest models from any HTTP(S) server: resumes a partial download with a range request, refuses
/// private addresses unless allowed, limits size and stalls, verifies the checksum, and renames into place only
/// when the file is whole and right (a failed pull never leaves a file under the model's name).
/// </summary>
public sealed class ModelPuller : IDisposable
{
    private readonly HttpClient _http;
    private readonly ModelPullOptions _options;

    /// <summary>Creates a puller.</summary>
    public ModelPuller(ModelPullOptions? options = null)
    {
        _options = options ?? new ModelPullOptions();
        var handler = new GuardedConnector(_options.AllowPrivate, _options.Resolve).Handler(_options.Timeout);
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("KannadaKit-models/1.0 (+https://github.com/kannadakit)");
    }

    /// <summary>Where the entry's file lives under <paramref name="directory"/>.</summary>
    public static string Target(ModelEntry entry, string directory) => Path.Combine(directory, entry.File);

    /// <summary>Downloads (or finds already present and correct) the entry's file; returns its path.</summary>
    /// <exception cref="MediaException">Network failure, refused address, size limit, or checksum mismatch (one line).</exception>
    public async Task<string> PullAsync(ModelEntry entry, string directory, IProgress<(long Done, long? Total)>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Directory.CreateDirectory(directory);
        string target = Target(entry, directory);
        if (File.Exists(target) && Checksums.Matches(target, entry.Checksum))
        {
            return target;
        }

        var url = Source(entry);
        string download = entry.Member is null ? target : Path.Combine(directory, Path.GetFileName(url.AbsolutePath));
        string part = download + ".part";
        await FetchAsync(url, part, progress, ct).ConfigureAwait(false);
        string expected = entry.Member is null ? entry.Checksum : entry.ArchiveChecksum ?? "";
        if (expected.Length > 0 && !Checksums.Matches(part, expected))
        {
            string got = Checksums.Of(part, expected);
            File.Delete(part);
            throw new MediaException($"{url}: checksum mismatch: expected {expected}, got {got} (the partial file was removed; pull again)");
        }

        if (entry.Member is null)
        {
            File.Move(part, target, overwrite: true);
            return target;
        }

        string tmp = target + ".tmp";
        try
        {
            ExtractMember(part, entry.Member, tmp);
            if (!Checksums.Matches(tmp, entry.Checksum))
            {
                throw new MediaException($"{url}: {entry.Member}: checksum mismatch: expected {entry.Checksum}, got {Checksums.Of(tmp, entry.Checksum)}");
            }

            File.Move(tmp, target, overwrite: true);
        }
        finally
        {
            File.Delete(tmp);
            File.Delete(part);
        }

        return target;
    }

    /// <summary>Checks an installed file: its size when known and its checksum.</summary>
    public static (bool Ok, string Detail) Verify(ModelEntry entry, string directory)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string target = Target(entry, directory);
        if (!File.Exists(target))
        {
            return (false, $"{target}: not present (kannadakit models pull {entry.Name})");
        }

        long length = new FileInfo(target).Length;
        if (entry.Size is { } size && length != size)
        {
            return (false, $"{target}: {length} bytes, expected {size}");
        }

        string got = Checksums.Of(target, entry.Checksum);
        return string.Equals(got, entry.Checksum, StringComparison.OrdinalIgnoreCase) ? (true, $"{target}: ok ({got})") : (false, $"{target}: checksum {got}, expected {entry.Checksum}");
    }

    /// <summary>Copies one member of a .tgz archive out, streaming.</summary>
    public static void ExtractMember(string archive, string member, string destination)
    {
        using var file = File.OpenRead(archive);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gz);
        try
        {
            while (tar.GetNextEntry() is { } e)
            {
                if (e.Name == member && e.DataStream is { } data)
                {
                    using var output = File.Create(destination);
                    data.CopyTo(output);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new MediaException($"{archive}: not a readable .tgz archive ({ex.Message})", ex);
        }

        throw new MediaException($"{archive}: has no member {member}");
    }

    private Uri Source(ModelEntry entry)
    {
        // "http://host/models" and "http://host/models/" both mean the folder.
        var mirror = _options.Mirror is { } m && !m.AbsolutePath.EndsWith('/') ? new Uri(m + "/") : _options.Mirror;
        var url = mirror is not null ? new Uri(mirror, Path.GetFileName(new Uri(entry.Url).AbsolutePath)) : new Uri(entry.Url);
        if (url.Scheme is not ("http" or "https"))
        {
            throw new MediaException($"{url}: only http and https URLs are fetched");
        }

        return url;
    }

    private async Task FetchAsync(Uri url, string part, IProgress<(long, long?)>? progress, CancellationToken ct)
    {
        long have = File.Exists(part) ? new FileInfo(part).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }

        HttpResponseMessage response;
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stall.CancelAfter(_options.Timeout);
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new MediaException($"{url}: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new MediaException($"{url}: no response within {_options.Timeout.TotalSeconds:F0} s", e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
            {
                return; // already complete; the checksum decides
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new MediaException($"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            bool resumed = response.StatusCode == HttpStatusCode.PartialContent && have > 0;
            if (!resumed)
            {
                have = 0; // the server sent the whole file
            }

            long? total = response.Content.Headers.ContentLength is { } len ? len + have : null;
            if (total > _options.MaxBytes)
            {
                File.Delete(part);
                throw new MediaException($"{url}: {total} bytes is over the {_options.MaxBytes}-byte limit");
            }

            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using var output = new FileStream(part, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write);
            var buffer = new byte[1 << 16];
            long done = have;
            while (true)
            {
                stall.CancelAfter(_options.Timeout);
                int n;
                try
                {
                    n = await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
                {
                    throw new MediaException($"{url}: stalled for {_options.Timeout.TotalSeconds:F0} s after {done} bytes (pull again to resume)", e);
                }
                catch (IOException e)
                {
                    throw new MediaException($"{url}: connection lost after {done} bytes (pull again to resume): {e.Message}", e);
                }

                if (n == 0)
                {
                    break;
                }

                done += n;
                if (done > _options.MaxBytes)
                {
                    await output.DisposeAsync().ConfigureAwait(false);
                    File.Delete(part);
                    throw new MediaException($"{url}: more than the {_options.MaxBytes}-byte limit");
                }

                await output.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                progress?.Report((done, total));
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
