using System.Net;

namespace KannadaKit.Cli.Commands;

/// <summary>The life of a <c>serve</c> command: listen, say where, wait for Ctrl-C, stop cleanly.</summary>
internal static class ServeLoop
{
    /// <summary>Checks <c>--host</c> and <c>--port</c>.</summary>
    public static (IPAddress Address, int Port) Endpoint(string? host, int port)
    {
        if (!IPAddress.TryParse(host, out var address))
            throw new CliException($"--host: '{host}' is not an IP address", ExitCodes.Usage);
        if (port is < 0 or > 65535)
            throw new CliException("--port: between 0 and 65535", ExitCodes.Usage);
        return (address, port);
    }

    /// <summary>Starts the server, warns when <paramref name="address"/> is not loopback, prints what
    /// <paramref name="announce"/> writes, and runs until Ctrl-C.</summary>
    /// <exception cref="CliException">The port cannot be listened on.</exception>
    public static int Run(CliContext context, IPAddress address, int port, Func<Task> start, Func<ValueTask> dispose, Action announce)
    {
        using var ctrlC = new Terminal.CtrlC();
        try
        {
            try
            {
                start().GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                throw new CliException($"cannot listen on {address}:{port}: {e.Message}", e);
            }

            if (!IPAddress.IsLoopback(address))
                context.Error.WriteLine($"kannadakit: warning: listening on {address}, reachable from the network");
            announce();
            try
            {
                Task.Delay(Timeout.Infinite, ctrlC.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C
            }

            return ExitCodes.Success;
        }
        finally
        {
            dispose().AsTask().GetAwaiter().GetResult();
        }
    }
}
