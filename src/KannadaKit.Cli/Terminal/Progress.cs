using System.Diagnostics;
using KannadaKit.Cli.IO;

namespace KannadaKit.Cli.Terminal;

/// <summary>
/// A one-line progress bar on standard error, drawn only when standard error is a terminal and the output is not
/// (so it never mixes with the text); silent in pipes, CI and redirects.
/// </summary>
internal sealed class Progress : IDisposable
{
    private readonly TextWriter? _err;
    private readonly long _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;
    private Stream? _current;
    private long _lastDraw = -1000;

    private Progress(TextWriter? err, long total)
    {
        _err = err;
        _total = total;
    }

    public static Progress Create(bool? requested, bool toStdout, IReadOnlyList<InputFile> inputs, TextWriter stderr)
    {
        bool textOnTerminal = toStdout && !Console.IsOutputRedirected;
        bool auto = !Console.IsErrorRedirected && !textOnTerminal && Environment.GetEnvironmentVariable("CI") is null;
        bool on = requested ?? auto;
        long total = inputs.All(i => i.Length is not null) ? inputs.Sum(i => i.Length!.Value) : 0;
        return new Progress(on ? stderr : null, total);
    }

    public void Begin(Stream raw)
    {
        if (_current is { CanSeek: true } previous)
        {
            _done += previous.Length;
        }

        _current = raw;
    }

    public void Update()
    {
        if (_err is null || _clock.ElapsedMilliseconds - _lastDraw < 100)
        {
            return;
        }

        _lastDraw = _clock.ElapsedMilliseconds;
        long done = _done + (_current is { CanSeek: true } s ? s.Position : 0);
        double mbps = done / 1e6 / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        if (_total > 0)
        {
            double f = Math.Clamp((double)done / _total, 0, 1);
            _err.Write($"\r{StatusLine.Bar(f)} {f * 100,5:F1}%  {done / 1e6:F1}/{_total / 1e6:F1} MB  {mbps:F0} MB/s ");
        }
        else
        {
            _err.Write($"\r{done / 1e6:F1} MB  {mbps:F0} MB/s ");
        }
    }

    public void Dispose()
    {
        if (_err is not null && _lastDraw >= 0)
        {
            _err.Write("\r" + new string(' ', 78) + "\r");
        }
    }
}
