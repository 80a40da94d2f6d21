using Xunit;

namespace KannadaKit.Testing.Browser;

/// <summary>A fact that drives a real browser; skips with the reason when Debian's chromium is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
            Skip = "Debian's chromium is not installed (apt-get install chromium; tools/test.sh does it as root)";
    }
}
