using System.Globalization;

namespace KannadaKit.Cli.Tests;

/// <summary>
/// A fact that sends a signal to a kannadakit child with kill(1). Skips, saying why, off Linux, and when this test
/// process ignores the signal: the child inherits that (a run started under nohup, or in the background of a
/// non-interactive shell, ignores SIGHUP or SIGINT), and a program must keep ignoring what it was started ignoring.
/// </summary>
public sealed class SignalFactAttribute : FactAttribute
{
    public SignalFactAttribute(string signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "sends signals with kill(1) and finds processes in /proc: Linux only";
            return;
        }

        var number = signal switch { "HUP" => 1, "INT" => 2, "TERM" => 15, _ => throw new ArgumentException("unknown signal " + signal, nameof(signal)) };
        var ignored = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (ignored is not null && (ulong.Parse(ignored["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (number - 1))) != 0)
        {
            Skip = $"SIG{signal} is ignored in this test process (started under nohup or in the background?), so the child ignores it too";
        }
    }
}
