using System.CommandLine;
using System.Net;
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
        var command = new Command("serve", "Serve the lexicon: / search as you type, /entry/WORD, /api/search?q=…, /api/entry/WORD") { db, port, host };
        command.SetAction(parse => context.Run(() =>
        {
            if (!IPAddress.TryParse(parse.GetValue(host), out var address))
                throw new CliException($"--host: '{parse.GetValue(host)}' is not an IP address", ExitCodes.Usage);
            int p = parse.GetValue(port);
            if (p is < 0 or > 65535)
                throw new CliException("--port: between 0 and 65535", ExitCodes.Usage);
            var server = LexiconServer.Create(new LexiconServerOptions { DatabasePath = parse.GetValue(db)!, Address = address, Port = p });
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            try
            {
                server.StartAsync().GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                throw new CliException($"cannot listen on {address}:{p}: {e.Message}", e);
            }

            if (!IPAddress.IsLoopback(address))
                context.Error.WriteLine($"kannadakit: warning: listening on {address}, reachable from the network");
            context.Error.WriteLine($"serving {parse.GetValue(db)} at {server.Address} (Ctrl-C stops)");
            try
            {
                Task.Delay(Timeout.Infinite, stop.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C
            }

            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return ExitCodes.Success;
        }));
        return command;
    }
}
