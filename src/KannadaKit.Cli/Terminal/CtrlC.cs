namespace KannadaKit.Cli.Terminal;

/// <summary>Turns Ctrl-C into a cancellation for as long as it is held, so a command can stop cleanly (and say what
/// goes on) instead of the process dying mid-write.</summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConsoleCancelEventHandler _handler;

    public CtrlC()
    {
        _handler = (_, e) =>
        {
            e.Cancel = true;
            _stop.Cancel();
        };
        Console.CancelKeyPress += _handler;
    }

    /// <summary>Cancelled at the first Ctrl-C.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= _handler;
        _stop.Dispose();
    }
}
