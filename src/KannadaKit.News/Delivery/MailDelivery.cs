using KannadaKit.News.Digests;
using KannadaKit.News.State;
using MimeKit;

namespace KannadaKit.News.Delivery;

/// <summary>
/// Mails the current digest's stories that a recipient has not had yet, one message per recipient (no one sees
/// the others' addresses), and records each delivery in the state only after the server accepted it, so a failed
/// send is retried next time and a repeated run sends nothing twice.
/// </summary>
public sealed class MailDelivery
{
    /// <summary>The delivery kind recorded in the state.</summary>
    public const string Kind = "mail";

    private readonly NewsState _state;
    private readonly SmtpSender _sender;
    private readonly TimeProvider _clock;

    /// <summary>Delivers from <paramref name="state"/> through <paramref name="sender"/>.</summary>
    public MailDelivery(NewsState state, SmtpSender sender, TimeProvider? clock = null)
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Sends to each of <paramref name="to"/> the stories it has not had (every story with <paramref name="resend"/>).</summary>
    /// <exception cref="DeliveryException">The server failed; recipients before the failure keep their recorded delivery.</exception>
    public async Task<IReadOnlyList<MailOutcome>> SendAsync(MailboxAddress from, IReadOnlyList<MailboxAddress> to, bool resend = false, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var digest = _state.Digest();
        var outcomes = new List<MailOutcome>();
        foreach (var recipient in to)
        {
            string target = recipient.Address.ToLowerInvariant();
            var had = resend ? new HashSet<string>() : _state.Delivered(Kind, target);
            var fresh = digest.Stories.Where(s => !had.Contains(s.Id)).ToList();
            if (fresh.Count == 0)
            {
                outcomes.Add(new MailOutcome(target, 0, false, digest.Stories.Count == 0 ? "no stories yet (run `news run` first)" : "nothing new"));
                continue;
            }

            var message = DigestMail.Build(digest with { Stories = fresh }, from, recipient);
            string answer = await _sender.SendAsync(message, cancel).ConfigureAwait(false);
            _state.RecordDelivery(Kind, target, fresh.Select(s => s.Id), _clock.GetUtcNow(), message.MessageId ?? "");
            outcomes.Add(new MailOutcome(target, fresh.Count, true, answer));
        }

        return outcomes;
    }
}
