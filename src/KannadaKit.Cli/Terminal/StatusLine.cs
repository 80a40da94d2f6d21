using System.Diagnostics;

namespace KannadaKit.Cli.Terminal;

/// <summary>
/// One status line redrawn in place on standard error (a progress bar with figures), at most ten times a second,
/// only when standard error is a terminal outside CI; silent otherwise, so logs and pipes stay clean.
/// </summary>
internal sealed class StatusLine : IDisposable
{
    private readonly TextWriter? _err;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private int _lastLength;

    private StatusLine(TextWriter? err) => _err = err;

    /// <summary>Time since the line was created.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>A status line on <paramref name="stderr"/>: <paramref name="requested"/> forces it on or off; null decides by the terminal.</summary>
    public static StatusLine Create(TextWriter stderr, bool? requested = null)
    {
        bool auto = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;
        return new StatusLine(requested ?? auto ? stderr : null);
    }

    /// <summary>A 30-cell bar for a fraction in [0, 1].</summary>
    public static string Bar(double fraction)
    {
        int filled = (int)(Math.Clamp(fraction, 0, 1) * 30);
        return "[" + new string('#', filled) + new string(' ', 30 - filled) + "]";
    }

    /// <summary>Redraws the line (throttled; <paramref name="force"/> draws now).</summary>
    public void Draw(Func<string> text, bool force = false)
    {
        if (_err is null || (!force && _clock.ElapsedMilliseconds - _lastDraw < 100))
        {
            return;
        }

        _lastDraw = _clock.ElapsedMilliseconds;
        string line = text();
        _err.Write("\r" + line + new string(' ', Math.Max(0, _lastLength - line.Length)));
        _lastLength = line.Length;
    }

    /// <summary>Clears the line (before a summary is written under it); drawing again starts a new one.</summary>
    public void Clear()
    {
        if (_err is not null && _lastLength > 0)
        {
            _err.Write("\r" + new string(' ', _lastLength) + "\r");
        }

        _lastLength = 0;
    }

    /// <inheritdoc cref="Clear" />
    public void Dispose() => Clear();
}
