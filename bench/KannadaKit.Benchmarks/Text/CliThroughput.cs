using System.Diagnostics;

namespace KannadaKit.Benchmarks.Text;

/// <summary>
/// End-to-end CLI throughput: <c>kannadakit normalize IN -o OUT</c>, wall clock including process start, on 20 MB (the
/// corpus 4×, every profile) and 100 MB (20×, default profile: the steady state once start-up is amortized).
/// </summary>
internal static class CliThroughput
{
    /// <summary>VmHWM (peak resident set) of a running process, from /proc; 0 when unavailable.</summary>
    private static long PeakResidentKiB(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    public static int Run(string cli, string corpus)
    {
        string dir = Path.Combine(Path.GetTempPath(), "kannadakit-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            Console.WriteLine($"CLI file → file, {Environment.ProcessorCount} cores, wall clock incl. process start, median of 5:");
            return Measure(cli, corpus, dir, 4, ["default", "aggressive", "indicnlp"]) == 0 ? Measure(cli, corpus, dir, 20, ["default"]) : 1;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int Measure(string cli, string corpus, string dir, int copies, string[] profiles)
    {
        string input = Path.Combine(dir, "in.txt");
        using (var o = File.Create(input))
        {
            byte[] bytes = File.ReadAllBytes(corpus);
            for (int k = 0; k < copies; k++)
            {
                o.Write(bytes);
            }
        }

        double mb = new FileInfo(input).Length / 1e6;
        foreach (var profile in profiles)
        {
            var times = new List<double>();
            long peak = 0;
            for (int run = 0; run < 6; run++)
            {
                var sw = Stopwatch.StartNew();
                var p = Process.Start(new ProcessStartInfo(cli, ["normalize", "--profile", profile, input, "-o", Path.Combine(dir, "out.txt")])
                {
                    RedirectStandardError = true,
                })!;
                var err = p.StandardError.ReadToEndAsync();
                while (!p.WaitForExit(5))
                {
                    peak = Math.Max(peak, PeakResidentKiB(p.Id));
                }

                if (p.ExitCode != 0)
                {
                    Console.Error.WriteLine($"CLI failed ({p.ExitCode}): {err.Result}");
                    return 1;
                }

                if (run > 0)
                {
                    times.Add(sw.Elapsed.TotalSeconds);
                }
            }

            times.Sort();
            double median = times[times.Count / 2];
            Console.WriteLine($"  {mb,5:F0} MB  {profile,-12} {mb / median,6:F0} MB/s  ({median * 1000:F0} ms, peak RSS {peak / 1024.0:F0} MiB)");
        }

        return 0;
    }
}
