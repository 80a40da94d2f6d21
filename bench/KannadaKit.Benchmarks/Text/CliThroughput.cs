using System.Diagnostics;

namespace KannadaKit.Benchmarks.Text;

/// <summary>End-to-end CLI throughput: <c>kannadakit normalize IN -o OUT</c> on a 20 MB file (the corpus 4×), wall clock.</summary>
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
            string input = Path.Combine(dir, "in.txt");
            using (var o = File.Create(input))
            {
                byte[] bytes = File.ReadAllBytes(corpus);
                for (int k = 0; k < 4; k++)
                {
                    o.Write(bytes);
                }
            }

            double mb = new FileInfo(input).Length / 1e6;
            Console.WriteLine($"CLI file → file, {Environment.ProcessorCount} cores, {mb:F1} MB input (corpus ×4), wall clock incl. process start, median of 5:");
            foreach (var profile in new[] { "default", "aggressive", "indicnlp" })
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
                Console.WriteLine($"  {profile,-12} {mb / times[times.Count / 2],8:F0} MB/s  ({times[times.Count / 2] * 1000:F0} ms, peak RSS {peak / 1024.0:F0} MiB)");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
