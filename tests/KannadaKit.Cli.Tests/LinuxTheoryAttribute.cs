namespace KannadaKit.Cli.Tests;

/// <summary>A theory about Linux file semantics (named pipes); skips, saying so, elsewhere.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "uses Linux file semantics (mkfifo): Linux only";
        }
    }
}
