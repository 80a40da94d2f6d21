using System.CommandLine;
using System.Net;
using KannadaKit.Web;

namespace KannadaKit.Cli.Commands;

/// <summary><c>news serve</c>: the current digest as a web page and feeds, on loopback unless told otherwise.</summary>
internal static class NewsServeCommand
{
    public static Command Create(CliContext context)
    {
        var state = new Option<string>("--state") { Description = "The state file `news run` keeps", Required = true };
        var port = new Option<int>("--port") { Description = "TCP port (0 picks a free one)", DefaultValueFactory = _ => 8041 };
        var host = new Option<string>("--host") { Description = "Address to listen on; anything but loopback exposes the digest to the network", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Serve the digest: / (the page), /digest.json, /digest.atom, /digest.md; each request reads the latest run")
        {
            state, port, host,
        };
        command.SetAction(parse => context.Run(() =>
        {
            if (!IPAddress.TryParse(parse.GetValue(host), out var address))
                throw new CliException($"--host: '{parse.GetValue(host)}' is not an IP address", ExitCodes.Usage);
            int p = parse.GetValue(port);
            if (p is < 0 or > 65535)
                throw new CliException("--port: between 0 and 65535", ExitCodes.Usage);
            var server = NewsServer.Create(new NewsServerOptions { StatePath = parse.GetValue(state)!, Address = address, Port = p });
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
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw new CliException($"cannot listen on {address}:{p}: {e.Message}", e);
            }

            if (!IPAddress.IsLoopback(address))
                context.Error.WriteLine($"kannadakit: warning: listening on {address}, reachable from the network");
            context.Error.WriteLine($"serving the digest in {parse.GetValue(state)} at {server.Address} (Ctrl-C stops)");
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
