using System.Globalization;
using KannadaKit.News.Digests;
using MimeKit;

namespace KannadaKit.News.Delivery;

/// <summary>
/// A digest as an e-mail: the HTML page as the HTML part and plain text as the alternative (so a text-only reader
/// gets every headline, summary and source link), a Kannada subject with the story count and date
/// in India's time, and headers that mark it as automatic so vacation responders stay quiet.
/// </summary>
public static class DigestMail
{
    private static readonly TimeSpan s_ist = TimeSpan.FromHours(5.5);

    /// <summary>The message for <paramref name="to"/> carrying <paramref name="digest"/>'s stories.</summary>
    public static MimeMessage Build(Digest digest, MailboxAddress from, MailboxAddress to)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        message.Subject = Subject(digest);
        message.Date = digest.Generated;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(from.Domain is { Length: > 0 } d ? d : "localhost");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        using var html = new StringWriter(CultureInfo.InvariantCulture);
        DigestHtmlWriter.Write(html, digest);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        DigestTextWriter.Write(text, digest);
        message.Body = new BodyBuilder { HtmlBody = html.ToString(), TextBody = text.ToString() }.ToMessageBody();
        return message;
    }

    /// <summary>"TITLE: N ಸುದ್ದಿಗಳು · 2026-12-04" (the date as it is in India).</summary>
    public static string Subject(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var when = digest.Generated.ToOffset(s_ist);
        string date = when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{digest.Title}: {digest.Stories.Count} ಸುದ್ದಿ{(digest.Stories.Count == 1 ? "" : "ಗಳು")} · {date}";
    }
}
