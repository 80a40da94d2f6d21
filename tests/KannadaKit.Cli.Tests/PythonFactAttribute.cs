namespace KannadaKit.Cli.Tests;

/// <summary>A fact that runs one of the repository's standard-library Python tools; skips, saying so, without python3.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (Python is null)
        {
            Skip = "python3 is not installed (tools/test.sh installs it when run as root)";
        }
    }

    /// <summary>python3 on PATH, or null.</summary>
    public static string? Python { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "python3")).FirstOrDefault(File.Exists);
}
