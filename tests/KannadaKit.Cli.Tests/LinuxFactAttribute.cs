namespace KannadaKit.Cli.Tests;

/// <summary>A fact about Linux file semantics (named pipes, devices, owners, links); skips, saying so, elsewhere,
/// and where <see cref="NeedsRoot"/> is set, when not run as root.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "uses Linux file semantics (mkfifo, stat, chown): Linux only";
        }
    }

    /// <summary>The test gives a file to another user, which only root may do.</summary>
    public bool NeedsRoot
    {
        get => false;
        init
        {
            if (value && Skip is null && Environment.UserName != "root")
            {
                Skip = "gives a file to another user with chown(1): needs root";
            }
        }
    }
}
