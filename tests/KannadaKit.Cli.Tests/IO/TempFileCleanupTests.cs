using System.Diagnostics;
using System.Text;

namespace KannadaKit.Cli.Tests.IO;

/// <summary>
/// No temporary output file outlives a run: those of a killed process are removed by the next run into the same
/// folder, and SIGTERM, SIGINT and SIGHUP delete the running one's (regression: 56–304 MB temps stayed behind).
/// </summary>
public sealed class TempFileCleanupTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Normalize_TempOfADeadProcess_IsRemovedByTheNextRun()
    {
        var input = _cli.Write("in.txt", "ಮ೦ತ್ರಿ\n");
        var dead = _cli.Write(".out.txt.2147483000.0123456789abcdef.tmp", "left by a killed run");
        var own = _cli.Write($".out.txt.{Environment.ProcessId}.0123456789abcdef.tmp", "a live process's temp");
        var other = _cli.Write(".notes.txt.2147483000.0123456789abcdef.tmp", "another target's temp");
        var r = _cli.Run("", "normalize", input, "-o", _cli.PathOf("out.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ಮಂತ್ರಿ\n", File.ReadAllText(_cli.PathOf("out.txt")));
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(own));
        Assert.True(File.Exists(other));
    }

    [SignalFact("TERM")]
    public Task Normalize_SigTerm_DeletesTheTempAndKeepsTheTarget() => SignalDeletesTheTemp("TERM");

    [SignalFact("INT")]
    public Task Normalize_SigInt_DeletesTheTempAndKeepsTheTarget() => SignalDeletesTheTemp("INT");

    [SignalFact("HUP")]
    public Task Normalize_SigHup_DeletesTheTempAndKeepsTheTarget() => SignalDeletesTheTemp("HUP");

    private async Task SignalDeletesTheTemp(string signal)
    {
        var target = _cli.Write("out.txt", "the previous output\n");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardError = true, WorkingDirectory = _cli.Directory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kannadakit.dll"));
        foreach (var a in new[] { "normalize", "-o", target })
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["CI"] = "true";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        // Standard input stays open, so the run is mid-way, its temp file open, when the signal comes.
        p.StandardInput.Write(new string('ಕ', 100_000) + "\n");
        p.StandardInput.Flush();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Temps().Length == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
        Assert.NotEmpty(Temps());
        using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            kill.WaitForExit();
        }
        Assert.True(p.WaitForExit(30_000), "kannadakit did not stop on SIG" + signal);
        Assert.Equal(128 + signal switch { "HUP" => 1, "INT" => 2, _ => 15 }, p.ExitCode);
        Assert.Empty(Temps());
        Assert.Equal("the previous output\n", File.ReadAllText(target, Encoding.UTF8));
        await stderr;
    }

    private string[] Temps() => Directory.GetFiles(_cli.Directory, ".out.txt.*.tmp");
}
