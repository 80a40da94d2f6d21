namespace KannadaKit.Cli.Tests;

/// <summary>A theory that uses Linux's kill(1) and /proc; skips, saying so, elsewhere.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "sends signals with kill(1) and finds processes in /proc: Linux only";
        }
    }
}
