using System.CommandLine;
using System.Globalization;
using KannadaKit.News.Delivery;
using KannadaKit.News.State;
using MimeKit;

namespace KannadaKit.Cli.Commands;

/// <summary><c>kannadakit news mail</c>: the digest's new stories by e-mail, once per recipient and story.</summary>
internal static class NewsMailCommand
{
    public const string PasswordVariable = "KANNADAKIT_SMTP_PASSWORD";

    public static Command Create(CliContext context)
    {
        var state = new Option<string>("--state") { Description = "The state file `news run` keeps", Required = true };
        var smtp = new Option<string>("--smtp") { Description = "The SMTP server as HOST:PORT (25, 465 or 587)", Required = true };
        var to = new Option<string[]>("--to") { Description = "A recipient (repeat for more; each gets a message of its own)", Required = true, AllowMultipleArgumentsPerToken = true };
        var from = new Option<string>("--from") { Description = "The sender", DefaultValueFactory = _ => "KannadaKit news <kannadakit@localhost>" };
        var security = new Option<string>("--security") { Description = "auto (TLS on 465, STARTTLS when offered), starttls, tls, or none", DefaultValueFactory = _ => "auto" };
        var user = new Option<string?>("--user") { Description = $"The SMTP login; the password comes from ${PasswordVariable}" };
        var all = new Option<bool>("--all") { Description = "Send every story in the digest, even those a recipient already had" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow a server on loopback or a private address (a local relay)" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds the exchange with the server may take", DefaultValueFactory = _ => 60 };
        var command = new Command("mail", "Mail the digest's stories each recipient has not had yet (HTML with a plain-text part); safe to repeat on a schedule")
        {
            state, smtp, to, from, security, user, all, allowPrivate, timeout,
        };
        command.SetAction(parse => context.Run(() =>
        {
            var (host, port) = Endpoint(parse.GetValue(smtp)!);
            var sender = Mailbox("--from", parse.GetValue(from)!);
            var recipients = parse.GetValue(to)!.Select(t => Mailbox("--to", t)).ToList();
            var secure = parse.GetValue(security) switch
            {
                "auto" => SmtpSecurity.Auto,
                "starttls" => SmtpSecurity.StartTls,
                "tls" => SmtpSecurity.Tls,
                "none" => SmtpSecurity.None,
                var s => throw new CliException($"--security: '{s}'; expected auto, starttls, tls or none", ExitCodes.Usage),
            };
            double seconds = parse.GetValue(timeout);
            if (seconds <= 0)
                throw new CliException("--timeout: must be positive", ExitCodes.Usage);
            string? login = parse.GetValue(user);
            string? password = login is null ? null : Environment.GetEnvironmentVariable(PasswordVariable);
            if (login is not null && string.IsNullOrEmpty(password))
                throw new CliException($"--user {login}: set ${PasswordVariable} to the password (it is never taken on the command line)", ExitCodes.Usage);

            using var store = NewsState.Open(parse.GetValue(state)!, create: false);
            var mailer = new SmtpSender(new SmtpOptions
            {
                Host = host, Port = port, Security = secure, User = login, Password = password,
                AllowPrivate = parse.GetValue(allowPrivate), Timeout = TimeSpan.FromSeconds(seconds),
            });
            var outcomes = new MailDelivery(store, mailer).SendAsync(sender, recipients, parse.GetValue(all)).GetAwaiter().GetResult();
            using var o = context.OpenOutput();
            foreach (var r in outcomes)
            {
                o.WriteLine(r.Sent
                    ? string.Create(CultureInfo.InvariantCulture, $"{r.Address}: sent {r.Stories} {(r.Stories == 1 ? "story" : "stories")} ({r.Detail})")
                    : $"{r.Address}: {r.Detail}; nothing sent");
            }

            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }

    private static (string Host, int Port) Endpoint(string value)
    {
        int colon = value.LastIndexOf(':');
        string host = colon > 0 ? value[..colon].Trim('[', ']') : "";
        if (colon <= 0 || host.Length == 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            throw new CliException($"--smtp: '{value}'; expected HOST:PORT, e.g. smtp.example.org:587", ExitCodes.Usage);
        return (host, port);
    }

    private static MailboxAddress Mailbox(string option, string value)
    {
        if (MailboxAddress.TryParse(value, out var address) && address.Address.Contains('@', StringComparison.Ordinal))
            return address;
        throw new CliException($"{option}: '{value}' is not an e-mail address", ExitCodes.Usage);
    }
}
