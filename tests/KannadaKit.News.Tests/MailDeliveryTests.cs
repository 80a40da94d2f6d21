using System.Net;
using System.Net.Sockets;
using KannadaKit.News.Delivery;
using KannadaKit.News.State;
using KannadaKit.Testing;
using KannadaKit.Testing.Net;
using KannadaKit.Testing.News;
using MimeKit;

namespace KannadaKit.News.Tests;

/// <summary>Digests mailed through MailKit to an SMTP server the test starts on 127.0.0.1, and what the state remembers.</summary>
public sealed class MailDeliveryTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private static readonly MailboxAddress s_from = new("ಕನ್ನಡ ಸುದ್ದಿ", "digest@news.example");
    private NewsState _state = null!;

    public async Task InitializeAsync()
    {
        var report = await NewsSites.RunOnceAsync(_dir.File("news.db"));
        Assert.Equal(4, report.Digest.Stories.Count);
        _state = NewsState.Open(_dir.File("news.db"), create: false);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _state.Dispose();
        _dir.Dispose();
    }

    private static SmtpSender Sender(LocalSmtpServer smtp, string? user = null, string? password = null, bool allowPrivate = true) =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None, User = user, Password = password, AllowPrivate = allowPrivate, Timeout = TimeSpan.FromSeconds(20) });

    [Fact]
    public async Task EachRecipientGetsOneMessageWithEveryNewStoryAndNothingTwice()
    {
        using var smtp = LocalSmtpServer.Start();
        var delivery = new MailDelivery(_state, Sender(smtp));
        MailboxAddress[] to = [new("", "reader@example.org"), new("ಓದುಗ", "Second@Example.org")];
        var first = await delivery.SendAsync(s_from, to);
        Assert.Equal([(4, true), (4, true)], first.Select(o => (o.Stories, o.Sent)));
        Assert.Equal(["reader@example.org", "second@example.org"], first.Select(o => o.Address));

        var received = smtp.Received.ToList();
        Assert.Equal(2, received.Count);
        Assert.Equal(["reader@example.org"], received[0].To); // one message each: no one sees the other addresses
        Assert.Single(received[1].Message.To.Mailboxes);
        Assert.Equal("digest@news.example", received[0].From);
        var m = received[0].Message;
        Assert.StartsWith("ಕನ್ನಡ ಸುದ್ದಿ ಸಾರಾಂಶ: 4 ಸುದ್ದಿಗಳು · 20", m.Subject);
        Assert.Equal("auto-generated", m.Headers["Auto-Submitted"]);
        Assert.Contains("<html lang=\"kn\">", m.HtmlBody);
        Assert.Contains("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", m.HtmlBody);
        Assert.Contains("/karavali/news/mangaluru-rain-holiday.html", m.HtmlBody);
        var digest = _state.Digest();
        Assert.All(digest.Stories, s => Assert.Contains(s.Summary, m.TextBody)); // the text part carries everything too
        Assert.All(digest.Stories, s => Assert.Contains(s.Headline, m.TextBody));
        Assert.All(digest.Stories.SelectMany(s => s.Sources), src => Assert.Contains("    " + src.Url + "\n", m.TextBody));
        Assert.DoesNotContain("\\", m.TextBody); // plain text: nothing escaped for Markdown

        // Again: nothing new, nothing sent.
        var second = await delivery.SendAsync(s_from, to);
        Assert.All(second, o => Assert.Equal((0, false, "nothing new"), (o.Stories, o.Sent, o.Detail)));
        Assert.Equal(2, smtp.Received.Count);
        Assert.Equal(2, _state.Deliveries().Count(d => d.Kind == MailDelivery.Kind));

        // A new recipient gets everything; --all resends.
        Assert.Equal(4, (await delivery.SendAsync(s_from, [new("", "third@example.org")]))[0].Stories);
        Assert.Equal(4, (await delivery.SendAsync(s_from, [to[0]], resend: true))[0].Stories);
        Assert.Equal(4, smtp.Received.Count);
    }

    [Fact]
    public async Task ARefusedMessageIsNotRecordedSoTheNextRunSendsIt()
    {
        using var smtp = LocalSmtpServer.Start();
        smtp.Reject = true;
        var delivery = new MailDelivery(_state, Sender(smtp));
        var e = await Assert.ThrowsAsync<DeliveryException>(() => delivery.SendAsync(s_from, [new("", "reader@example.org")]));
        Assert.StartsWith($"smtp 127.0.0.1:{smtp.Port}: the server refused the message: 554", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(_state.Delivered(MailDelivery.Kind, "reader@example.org"));

        smtp.Reject = false;
        Assert.Equal(4, (await delivery.SendAsync(s_from, [new("", "reader@example.org")]))[0].Stories);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task TheServersLoginIsUsedAndAWrongPasswordIsAClearError()
    {
        using var smtp = LocalSmtpServer.Start(("digest", "s3cret-pass"));
        var wrong = new MailDelivery(_state, Sender(smtp, "digest", "nope"));
        var e = await Assert.ThrowsAsync<DeliveryException>(() => wrong.SendAsync(s_from, [new("", "reader@example.org")]));
        Assert.Contains("the server refused the login for digest", e.Message);

        var right = new MailDelivery(_state, Sender(smtp, "digest", "s3cret-pass"));
        Assert.True((await right.SendAsync(s_from, [new("", "reader@example.org")]))[0].Sent);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task PrivateServersAreRefusedUnlessAllowedAndUnreachableOnesAreNamed()
    {
        using var smtp = LocalSmtpServer.Start();
        var refused = await Assert.ThrowsAsync<DeliveryException>(() => new MailDelivery(_state, Sender(smtp, allowPrivate: false)).SendAsync(s_from, [new("", "a@example.org")]));
        Assert.Contains("refused (allow them with --allow-private)", refused.Message);

        // A public-looking name that resolves into the private network: looked up, refused, never connected.
        int lookups = 0;
        var intranet = new SmtpSender(new SmtpOptions
        {
            Host = "mail.intranet.example", Port = 25,
            Resolve = (_, _) => { Interlocked.Increment(ref lookups); return Task.FromResult(new[] { IPAddress.Parse("10.1.2.3") }); },
        });
        var e = await Assert.ThrowsAsync<DeliveryException>(() => new MailDelivery(_state, intranet).SendAsync(s_from, [new("", "a@example.org")]));
        Assert.StartsWith("smtp mail.intranet.example:25: ", e.Message);
        Assert.Contains("10.1.2.3", e.Message);
        Assert.Equal(1, lookups);
        Assert.Empty(smtp.Received);

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int closed = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var nobody = new SmtpSender(new SmtpOptions { Host = "127.0.0.1", Port = closed, AllowPrivate = true, Security = SmtpSecurity.None });
        var down = await Assert.ThrowsAsync<DeliveryException>(() => new MailDelivery(_state, nobody).SendAsync(s_from, [new("", "a@example.org")]));
        Assert.StartsWith($"smtp 127.0.0.1:{closed}: cannot connect", down.Message);
    }
}
