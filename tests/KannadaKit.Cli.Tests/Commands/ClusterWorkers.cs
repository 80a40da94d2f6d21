using System.Diagnostics;
using System.Globalization;
using KannadaKit.Testing.Net;

namespace KannadaKit.Cli.Tests.Commands;

/// <summary>
/// <c>kannadakit cluster worker</c> processes on loopback for a test: worker i gets silo port base+i and gateway
/// port base+i from two runs of free ports; all are killed when the test ends.
/// </summary>
public sealed class ClusterWorkers : IDisposable
{
    private readonly string _directory;
    private readonly List<Process?> _workers = [];

    public ClusterWorkers(string directory)
    {
        _directory = directory;
        (SiloBase, GatewayBase) = (FreePorts.Run(3), FreePorts.Run(3));
    }

    public int SiloBase { get; }

    public int GatewayBase { get; }

    /// <summary>Starts worker <paramref name="i"/> and waits until it has joined.</summary>
    public void Start(int i, string cluster, params string[] extra)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _directory };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "kannadakit.dll"), "cluster", "worker", "--cluster", cluster,
            "--port", (SiloBase + i).ToString(CultureInfo.InvariantCulture), "--gateway-port", (GatewayBase + i).ToString(CultureInfo.InvariantCulture) }.Concat(extra))
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        while (_workers.Count <= i)
            _workers.Add(null);
        _workers[i] = p;
        _ = p.StandardOutput.ReadToEndAsync(); // keep the pipes drained
        // Two minutes: after every worker was killed, the first back waits for their rows to go stale (PostgreSQL
        // mode), logging why meanwhile; then it says it has joined.
        var log = new List<string>();
        var until = DateTime.UtcNow.AddMinutes(2);
        string? line = null;
        while (DateTime.UtcNow < until)
        {
            line = p.StandardError.ReadLineAsync().WaitAsync(until - DateTime.UtcNow).GetAwaiter().GetResult();
            if (line is null || line.Contains("joined the cluster", StringComparison.Ordinal))
                break;
            log.Add(line);
        }

        Assert.True(line?.Contains("joined the cluster", StringComparison.Ordinal) == true, $"worker {i}: {line}\n{string.Join('\n', log)}");
        Assert.All(log, l => Assert.DoesNotContain("   at ", l, StringComparison.Ordinal)); // one line per event, no stacks
        _ = p.StandardError.ReadToEndAsync();
    }

    /// <summary>Kills worker <paramref name="i"/> with SIGKILL.</summary>
    public void Kill(int i)
    {
        if (i < _workers.Count && _workers[i] is { } p)
        {
            Stop(p);
            _workers[i] = null;
        }
    }

    /// <summary>Kills every worker.</summary>
    public void KillAll()
    {
        for (int i = 0; i < _workers.Count; i++)
            Kill(i);
    }

    /// <summary>The worker whose silo port is <paramref name="port"/>.</summary>
    public int IndexOfPort(int port) => port - SiloBase;

    public void Dispose() => KillAll();

    private static void Stop(Process p)
    {
        try
        {
            if (!p.HasExited)
                p.Kill(); // SIGKILL
            p.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }

        p.Dispose();
    }
}
