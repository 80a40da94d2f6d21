using System.Net;
using System.Net.Sockets;

namespace KannadaKit.Net;

/// <summary>
/// The connect step of an HTTP handler that refuses private and loopback addresses unless allowed. It resolves the
/// name itself (through a replaceable resolver), so the address checked is the address connected to: a public name
/// that resolves to 10.0.0.1, or a redirect to one, is refused just the same.
/// </summary>
public sealed class GuardedConnector
{
    private readonly bool _allowPrivate, _allowLoopback;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    /// <summary>A connector; <paramref name="resolve"/> defaults to DNS.</summary>
    /// <param name="allowPrivate">Allow every private, loopback and link-local address.</param>
    /// <param name="resolve">The resolver.</param>
    /// <param name="allowLoopback">Allow this machine (a local mirror) while still refusing the rest of the private network.</param>
    public GuardedConnector(bool allowPrivate, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null, bool allowLoopback = false)
    {
        _allowPrivate = allowPrivate;
        _allowLoopback = allowLoopback;
        _resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));
    }

    /// <summary>
    /// A handler that connects only through this connector: no proxy (a proxy would connect for us and bypass the
    /// check), redirects followed at most <paramref name="maxRedirects"/> times (0: not followed).
    /// </summary>
    public SocketsHttpHandler Handler(TimeSpan connectTimeout, int maxRedirects = 5, bool decompress = false) => new()
    {
        ConnectTimeout = connectTimeout,
        AllowAutoRedirect = maxRedirects > 0,
        MaxAutomaticRedirections = Math.Max(1, maxRedirects),
        ConnectCallback = ConnectAsync,
        UseProxy = false,
        AutomaticDecompression = decompress ? DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli : DecompressionMethods.None,
        UseCookies = false,
        // A body we stopped reading (over a size limit) is never drained from an untrusted server: close the connection.
        MaxResponseDrainSize = 0,
        ResponseDrainTimeout = TimeSpan.Zero,
    };

    /// <summary>The addresses of <paramref name="host"/> this policy lets us connect to.</summary>
    /// <exception cref="HttpRequestException">Every address is private or loopback and that is not allowed.</exception>
    public async Task<IPAddress[]> AllowedAddressesAsync(string host, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        IPAddress[] addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await _resolve(host, ct).ConfigureAwait(false);
        var allowed = addresses.Where(a => _allowPrivate || !AddressPolicy.IsPrivate(a) || (_allowLoopback && IPAddress.IsLoopback(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a))).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"{host} resolves only to private or loopback addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}), refused (allow them with --allow-private)");
        return allowed;
    }

    /// <summary>For <see cref="SocketsHttpHandler.ConnectCallback"/>.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var allowed = await AllowedAddressesAsync(context.DnsEndPoint.Host, ct).ConfigureAwait(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
