namespace KannadaKit.Testing.Browser;

/// <summary>Debian's chromium, which browser tests drive through Microsoft.Playwright (tools/test.sh installs it as root).</summary>
public static class Chromium
{
    /// <summary>Its executable, or null when it is not installed.</summary>
    public static string? Path { get; } = new[] { "/usr/lib/chromium/chromium", "/usr/bin/chromium" }.FirstOrDefault(File.Exists);
}
