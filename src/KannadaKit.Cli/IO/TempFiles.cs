using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace KannadaKit.Cli.IO;

/// <summary>
/// The temporary files this process has open, so SIGINT, SIGTERM and SIGHUP delete them before the process ends
/// (regression: 56–304 MB temps stayed behind), and the temps a killed process left (SIGKILL cannot be caught),
/// removed by the next run that writes into the same folder. Process-wide by nature: signals are.
/// </summary>
internal static class TempFiles
{
    private static readonly ConcurrentDictionary<string, byte> s_live = new(StringComparer.Ordinal);
    private static readonly Lazy<PosixSignalRegistration[]> s_handlers = new(Register);

    /// <summary>The temp name for <paramref name="target"/>: hidden, beside it, naming this process. The signal
    /// handlers are in place before any temp exists (regression: registered just after the file was created, a
    /// SIGHUP arriving in between was swallowed half-registered and the run neither cleaned up nor stopped).</summary>
    public static string NameFor(string target)
    {
        _ = s_handlers.Value;
        return Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    public static void Track(string temp) => s_live[temp] = 0;

    public static void Forget(string temp) => s_live.TryRemove(temp, out _);

    /// <summary>Deletes temps for <paramref name="target"/> left by processes that no longer run.</summary>
    public static void RemoveStale(string target)
    {
        var dir = Path.GetDirectoryName(target)!;
        var prefix = $".{Path.GetFileName(target)}.";
        try
        {
            foreach (var path in Directory.EnumerateFiles(dir, prefix + "*.tmp"))
            {
                var rest = Path.GetFileName(path)[prefix.Length..];
                var dot = rest.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0 && int.TryParse(rest.AsSpan(0, dot), out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
                {
                    File.Delete(path);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stale temp is litter, never a reason to fail the run.
        }
    }

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid}");
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static PosixSignalRegistration[] Register()
    {
        // Delete, then end the process ourselves with the shell's code for the signal (128 + its number). Leaving
        // it to the runtime's default action was not reliable: under load a SIGHUP was handled and the run went on.
        static void Clean(PosixSignalContext context)
        {
            foreach (var temp in s_live.Keys)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }

            context.Cancel = true;
            Environment.Exit(128 + context.Signal switch
            {
                PosixSignal.SIGHUP => 1,
                PosixSignal.SIGINT => 2,
                _ => 15,
            });
        }
        // .NET maps all three on Windows too (Ctrl+C, logoff or shutdown, console close).
        return
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Clean),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Clean),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, Clean),
        ];
    }
}
