using System.Diagnostics;
using KannadaKit.Testing;

namespace KannadaKit.Cli.Tests;

/// <summary>
/// The ./kannadakit launcher the README uses builds its own precompiled CLI, which can fail where the test build does
/// not (regression: its self-contained composite image aborted on loading ICU4N's data, so every translit to an ICU
/// scheme crashed for users while the tests, running the plain build, passed).
/// </summary>
public sealed class LauncherTests
{
    [LinuxFact]
    public void Launcher_RunsTranslitThroughIcu()
    {
        var psi = new ProcessStartInfo(Path.Combine(SharedData.RepoRoot, "kannadakit"), ["translit", "--to", "devanagari"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["CI"] = "true";
        using var p = Process.Start(psi)!;
        p.StandardInput.Write("ಕನ್ನಡ ನಾಡು\n");
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(600_000), "the launcher did not finish in 10 minutes");
        Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}: {error.Result}");
        Assert.Equal("कन्नड नाडु\n", output.Result);
    }
}
