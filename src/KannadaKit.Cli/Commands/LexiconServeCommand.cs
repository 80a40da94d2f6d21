using System.CommandLine;
using KannadaKit.Web;

namespace KannadaKit.Cli.Commands;

/// <summary><c>lexicon serve</c>: the lexicon's web pages and JSON API, on loopback unless told otherwise.</summary>
internal static class LexiconServeCommand
{
    public static Command Create(CliContext context)
    {
        var db = LexiconBuildCommand.DbOption();
        var port = new Option<int>("--port") { Description = "TCP port (0 picks a free one)", DefaultValueFactory = _ => 8040 };
        var host = new Option<string>("--host") { Description = "Address to listen on; anything but loopback exposes the lexicon to the network", DefaultValueFactory = _ => "127.0.0.1" };
        var tokenFile = new Option<string?>("--review-token-file")
        {
            Description = "File holding the reviewers' secret (16+ characters; or set KANNADAKIT_REVIEW_TOKEN): opens the proposal queue, /review and /api/proposals",
        };
        var model = LexiconSuggestCommand.ModelOption();
        var command = new Command("serve", "Serve the lexicon: / search as you type, /entry/WORD, /api/search?q=…, /api/entry/WORD; with a review token, a proposal queue at /review")
        {
            db, port, host, tokenFile, model,
        };
        command.SetAction(parse => context.Run(() =>
        {
            var (address, p) = ServeLoop.Endpoint(parse.GetValue(host), parse.GetValue(port));
            string? token = ReviewToken(parse.GetValue(tokenFile));
            using var loaded = ModelRivalLoader.Load(parse.GetValue(model), context);
            var server = LexiconServer.Create(new LexiconServerOptions
            {
                DatabasePath = parse.GetValue(db)!, Address = address, Port = p, ReviewToken = token,
                ExtraRivals = loaded is null ? [] : [loaded.Rival],
            });
            return ServeLoop.Run(context, address, p, () => server.StartAsync(), server.DisposeAsync, () =>
            {
                context.Error.WriteLine($"serving {Lexicon.Store.LexiconStore.DisplayName(parse.GetValue(db)!)} at {server.Address} (Ctrl-C stops)");
                if (token is not null)
                    context.Error.WriteLine($"review queue open: proposals at {server.Address}review (bearer token required to review)");
            });
        }));
        return command;
    }

    // From a file or the environment, never the command line: argv is visible to every user of the machine.
    private static string? ReviewToken(string? file)
    {
        string? token = file is null ? Environment.GetEnvironmentVariable("KANNADAKIT_REVIEW_TOKEN") : ReadTokenFile(file);
        if (token is null || token.Length == 0)
            return null;
        token = token.Trim();
        if (token.Length < 16)
            throw new CliException($"{file ?? "KANNADAKIT_REVIEW_TOKEN"}: the review token has {token.Length} characters; use at least 16 (e.g. openssl rand -hex 24)", ExitCodes.Usage);
        return token;
    }

    private static string ReadTokenFile(string file)
    {
        if (!File.Exists(file))
            throw new CliException($"--review-token-file: {file}: no such file", ExitCodes.Usage);
        var info = new FileInfo(file);
        if (info.Length > 4096)
            throw new CliException($"--review-token-file: {file}: {info.Length} bytes; expected one line holding the token", ExitCodes.Usage);
        return File.ReadAllText(file).Trim();
    }
}
