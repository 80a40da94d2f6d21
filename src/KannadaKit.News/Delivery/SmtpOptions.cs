using System.Net;

namespace KannadaKit.News.Delivery;

/// <summary>Where and how digests are mailed.</summary>
public sealed record SmtpOptions
{
    /// <summary>The server's name or address.</summary>
    public required string Host { get; init; }

    /// <summary>The server's port (25, 465 or 587 usually).</summary>
    public required int Port { get; init; }

    /// <summary>How the connection is secured.</summary>
    public SmtpSecurity Security { get; init; } = SmtpSecurity.Auto;

    /// <summary>The login, when the server wants one (with <see cref="Password"/>).</summary>
    public string? User { get; init; }

    /// <summary>The password for <see cref="User"/>.</summary>
    public string? Password { get; init; }

    /// <summary>The longest the whole exchange may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Allow private, loopback and link-local addresses (a relay on this machine or the local network).</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>The resolver (default DNS); tests replace it.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>>? Resolve { get; init; }
}
