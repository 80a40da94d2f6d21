namespace KannadaKit.News.Delivery;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on port 465, STARTTLS when the server offers it, else plain (a local relay).</summary>
    Auto,

    /// <summary>STARTTLS, required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,

    /// <summary>No encryption (a relay on this machine or a test server).</summary>
    None,
}
