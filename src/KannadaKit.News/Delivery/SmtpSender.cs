using System.Net.Sockets;
using KannadaKit.Net;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace KannadaKit.News.Delivery;

/// <summary>
/// Sends messages through one SMTP server with MailKit. The address is resolved and checked here (private and
/// loopback refused unless allowed) and MailKit is handed the connected socket, so the address checked is the one
/// used. Every failure becomes a <see cref="DeliveryException"/> naming the server.
/// </summary>
public sealed class SmtpSender
{
    private readonly SmtpOptions _options;

    /// <summary>A sender for <paramref name="options"/>.</summary>
    public SmtpSender(SmtpOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
    }

    private string Server => $"smtp {_options.Host}:{_options.Port}";

    /// <summary>Sends <paramref name="message"/>; returns the server's answer to it.</summary>
    /// <exception cref="DeliveryException">The server could not be reached, refused the login or the message, or took too long.</exception>
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_options.Timeout);
        using var client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, _options.Timeout.TotalMilliseconds) };
        try
        {
            var connector = new GuardedConnector(_options.AllowPrivate, _options.Resolve);
            var addresses = await connector.AllowedAddressesAsync(_options.Host, timeout.Token).ConfigureAwait(false);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, _options.Port, timeout.Token).ConfigureAwait(false);
                await client.ConnectAsync(socket, _options.Host, _options.Port, Secure(), timeout.Token).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            if (_options.User is { Length: > 0 } user)
                await client.AuthenticateAsync(user, _options.Password ?? "", timeout.Token).ConfigureAwait(false);
            string answer = await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
            return answer;
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new DeliveryException($"{Server}: no answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            // The connector's refusal of a private address.
            throw new DeliveryException($"{Server}: {e.Message}", e);
        }
        catch (SocketException e)
        {
            throw new DeliveryException($"{Server}: cannot connect ({e.Message})", e);
        }
        catch (AuthenticationException e)
        {
            throw new DeliveryException($"{Server}: the server refused the login for {_options.User} ({OneLine(e.Message)})", e);
        }
        catch (ServiceNotAuthenticatedException e)
        {
            throw new DeliveryException($"{Server}: the server requires a login; none was given ({OneLine(e.Message)})", e);
        }
        catch (SmtpCommandException e)
        {
            string who = e.Mailbox is { } m ? $" for {m.Address}" : "";
            throw new DeliveryException($"{Server}: the server refused the message{who}: {(int)e.StatusCode} {OneLine(e.Message)}", e);
        }
        catch (Exception e) when (e is SmtpProtocolException or SslHandshakeException or NotSupportedException or IOException or ServiceNotConnectedException)
        {
            throw new DeliveryException($"{Server}: {OneLine(e.Message)}", e);
        }
    }

    private SecureSocketOptions Secure() => _options.Security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => _options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable,
    };

    private static string OneLine(string s) => string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
