using System.CommandLine;
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
            var (address, p) = ServeLoop.Endpoint(parse.GetValue(host), parse.GetValue(port));
            var server = NewsServer.Create(new NewsServerOptions { StatePath = parse.GetValue(state)!, Address = address, Port = p });
            return ServeLoop.Run(context, address, p, () => server.StartAsync(), server.DisposeAsync,
                () => context.Error.WriteLine($"serving the digest in {parse.GetValue(state)} at {server.Address} (Ctrl-C stops)"));
        }));
        return command;
    }
}
