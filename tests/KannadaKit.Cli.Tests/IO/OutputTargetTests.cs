using System.Diagnostics;
using System.Text;

namespace KannadaKit.Cli.Tests.IO;

/// <summary>
/// What an output path is decides how it is written (regressions: -o renamed a temp over devices, named pipes and
/// /dev/stdout, turning them into regular files, and replaced a symbolic link instead of writing through it;
/// --in-place made the file root's, replaced symbolic links and split hard links).
/// </summary>
public sealed class OutputTargetTests : IDisposable
{
    private const string Input = "ಮ೦ತ್ರಿ\n";
    private const string Normalized = "ಮಂತ್ರಿ\n";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [LinuxFact]
    public void Output_ToANamedPipe_WritesIntoThePipe()
    {
        var input = _cli.Write("in.txt", Input);
        var fifo = _cli.PathOf("out.fifo");
        Shell($"mkfifo '{fifo}'");
        using var reader = Process.Start(new ProcessStartInfo("cat", [fifo]) { RedirectStandardOutput = true })!;
        var read = reader.StandardOutput.ReadToEndAsync();
        var r = _cli.Run("", "normalize", input, "-o", fifo);
        Assert.Equal(0, r.ExitCode);
        Assert.True(reader.WaitForExit(10_000));
        Assert.Equal(Normalized, read.Result);
        Assert.Equal("fifo", Shell($"stat -c %F '{fifo}'"));
    }

    [LinuxFact]
    public void Output_ToDevStdout_GoesToStandardOutput()
    {
        var input = _cli.Write("in.txt", Input);
        var r = _cli.Run("", "normalize", input, "-o", "/dev/stdout");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Normalized, r.Text);
        Assert.Equal("symbolic link", Shell("stat -c %F /dev/stdout"));
    }

    [LinuxFact]
    public void Output_ThroughASymbolicLink_ReplacesTheFileItNames()
    {
        var input = _cli.Write("in.txt", Input);
        var real = _cli.Write("real.txt", "old\n");
        var link = _cli.PathOf("link.txt");
        File.CreateSymbolicLink(link, real);
        Assert.Equal(0, _cli.Run("", "normalize", input, "-o", link).ExitCode);
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Equal(Normalized, File.ReadAllText(real, Encoding.UTF8));
    }

    [LinuxFact]
    public void Output_ThroughADanglingLink_CreatesTheFileItNames()
    {
        var input = _cli.Write("in.txt", Input);
        var link = _cli.PathOf("link.txt");
        File.CreateSymbolicLink(link, _cli.PathOf("later.txt"));
        Assert.Equal(0, _cli.Run("", "normalize", input, "-o", link).ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(Normalized, File.ReadAllText(_cli.PathOf("later.txt"), Encoding.UTF8));
    }

    [LinuxFact]
    public void InPlace_ThroughASymbolicLink_KeepsTheLink()
    {
        var real = _cli.Write("real.txt", Input);
        var link = _cli.PathOf("link.txt");
        File.CreateSymbolicLink(link, real);
        Assert.Equal(0, _cli.Run("", "normalize", "--in-place", link).ExitCode);
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Equal(Normalized, File.ReadAllText(real, Encoding.UTF8));
    }

    [LinuxFact]
    public void InPlace_OnAHardLinkedFile_IsRefusedBeforeAnyFileChanges()
    {
        var first = _cli.Write("a.txt", Input);
        var linked = _cli.Write("b.txt", Input);
        Shell($"ln -f '{linked}' '{_cli.PathOf("b-other-name.txt")}'");
        _cli.Run("", "normalize", "--in-place", first, linked).AssertOneLineError("b.txt", "2 hard links", "--in-place");
        Assert.Equal(Input, File.ReadAllText(first, Encoding.UTF8));
        Assert.Equal(Input, File.ReadAllText(_cli.PathOf("b-other-name.txt"), Encoding.UTF8));
    }

    [LinuxFact]
    public void InPlace_OnANamedPipe_IsRefused()
    {
        var fifo = _cli.PathOf("in.fifo");
        Shell($"mkfifo '{fifo}'");
        _cli.Run("", "normalize", "--in-place", fifo).AssertOneLineError("in.fifo", "not a regular file");
    }

    [LinuxFact(NeedsRoot = true)]
    public void InPlace_KeepsTheOwnerAndMode()
    {
        var file = _cli.Write("theirs.txt", Input);
        Shell($"chown 4242:4343 '{file}' && chmod 640 '{file}'");
        Assert.Equal(0, _cli.Run("", "normalize", "--in-place", file).ExitCode);
        Assert.Equal(Normalized, File.ReadAllText(file, Encoding.UTF8));
        Assert.Equal("4242:4343 640", Shell($"stat -c '%u:%g %a' '{file}'"));
    }

    private static string Shell(string command)
    {
        using var p = Process.Start(new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{command}: {error}");
        return output.Trim();
    }
}
