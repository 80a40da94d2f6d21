using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace KannadaKit.Testing.Net;

/// <summary>
/// An SMTP server on 127.0.0.1 (the SmtpServer package) that keeps every message it accepts, parsed with MimeKit.
/// With a user and password it requires AUTH; <see cref="Reject"/> makes it refuse messages with 554.
/// </summary>
public sealed class LocalSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    private LocalSmtpServer(int port, (string User, string Password)? login)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AuthenticationRequired(login is not null).AllowUnsecureAuthentication(login is not null))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        if (login is { } l)
            services.Add(new Login(l.User, l.Password));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>"127.0.0.1:PORT".</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>What was accepted: the envelope sender and recipients, and the message.</summary>
    public ConcurrentQueue<(string From, IReadOnlyList<string> To, MimeMessage Message)> Received { get; } = new();

    /// <summary>Refuse every message (554 transaction failed).</summary>
    public bool Reject { get; set; }

    /// <summary>Starts a server on a free port, optionally requiring <paramref name="login"/>.</summary>
    public static LocalSmtpServer Start((string User, string Password)? login = null)
    {
        // The package binds the port it is given; a port the kernel just handed out is free.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new LocalSmtpServer(port, login);
        server.WaitUntilListening();
        return server;
    }

    private void WaitUntilListening()
    {
        for (int i = 0; i < 100; i++)
        {
            try
            {
                using var c = new TcpClient();
                c.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }

        throw new InvalidOperationException($"the SMTP server did not start on port {Port}");
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private sealed class Store(LocalSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.Reject)
                return SmtpResponse.TransactionFailed;
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.Received.Enqueue(($"{transaction.From.User}@{transaction.From.Host}", [.. transaction.To.Select(t => $"{t.User}@{t.Host}")], message));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Login(string user, string password) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string u, string p, CancellationToken cancellationToken) =>
            Task.FromResult(u == user && p == password);
    }
}
