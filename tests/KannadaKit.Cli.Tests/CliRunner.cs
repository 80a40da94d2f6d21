using System.Diagnostics;
using System.Text;

namespace KannadaKit.Cli.Tests;

/// <summary>Runs the real kannadakit executable (built next to the tests) as a child process, as users do.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Directory = Path.Combine(Path.GetTempPath(), "kannadakit-cli-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>A fresh scratch folder for this test.</summary>
    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public string Write(string name, string text)
    {
        File.WriteAllText(PathOf(name), text, new UTF8Encoding(false));
        return PathOf(name);
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        File.WriteAllBytes(PathOf(name), bytes);
        return PathOf(name);
    }

    public Result Run(string stdin, params string[] args) => Run(Encoding.UTF8.GetBytes(stdin), args);

    public Result Run(byte[]? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kannadakit.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["CI"] = "true"; // no progress bar
        using var p = Process.Start(psi)!;
        var stdout = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.BaseStream.Write(stdin);
        }

        p.StandardInput.Close();
        if (!p.WaitForExit(120_000))
        {
            p.Kill();
            throw new TimeoutException("kannadakit did not finish in 120 s");
        }

        copy.Wait();
        return new Result(p.ExitCode, stdout.ToArray(), stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public sealed record Result(int ExitCode, byte[] Stdout, string Stderr)
    {
        public string Text => Encoding.UTF8.GetString(Stdout);

        /// <summary>Stderr must be exactly one line starting with the error prefix.</summary>
        public void AssertOneLineError(params string[] mentions)
        {
            Assert.NotEqual(0, ExitCode);
            string[] lines = Stderr.TrimEnd('\n').Split('\n');
            Assert.True(lines.Length == 1, "expected a one-line error, got:\n" + Stderr);
            Assert.StartsWith("kannadakit: error: ", lines[0], StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
            foreach (var m in mentions)
            {
                Assert.Contains(m, lines[0], StringComparison.Ordinal);
            }
        }
    }
}
