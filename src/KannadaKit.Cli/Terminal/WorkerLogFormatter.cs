using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace KannadaKit.Cli.Terminal;

/// <summary>
/// A worker's log lines: time, level, the logger's last name, the message, and an exception's type and first line,
/// not its stack (a peer lost makes Orleans log one failed call after another; --verbose shows them whole).
/// </summary>
internal sealed class WorkerLogFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "kannadakit-worker";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        string message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        string level = logEntry.LogLevel switch
        {
            LogLevel.Critical => "critical",
            LogLevel.Error => "error",
            LogLevel.Warning => "warning",
            _ => "info",
        };
        string category = logEntry.Category[(logEntry.Category.LastIndexOf('.') + 1)..];
        textWriter.Write($"{DateTime.UtcNow:HH:mm:ss} kannadakit worker {level}: {category}: {FirstLine(message)}");
        if (logEntry.Exception is { } e)
            textWriter.Write($" ({e.GetType().Name}: {FirstLine(e.Message)})");
        textWriter.WriteLine();
    }

    private static string FirstLine(string s)
    {
        int end = s.IndexOfAny(['\r', '\n']);
        return end < 0 ? s : s[..end];
    }
}
