using System.Globalization;

namespace KannadaKit.Cluster;

/// <summary>How the cluster's pages and commands write workers and durations for people.</summary>
public static class ClusterText
{
    /// <summary>A silo as people know it: Orleans writes S10.0.0.5:11111:generation, this gives 10.0.0.5:11111.</summary>
    public static string Worker(string silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        string s = silo.TrimStart('S');
        int last = s.LastIndexOf(':');
        return last > 0 ? s[..last] : s;
    }

    /// <summary>"12 s", "4 min", "2.5 h" (negative spans read as zero).</summary>
    public static string Ago(TimeSpan t)
    {
        if (t < TimeSpan.Zero)
            t = TimeSpan.Zero;
        return t.TotalMinutes < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalSeconds} s")
            : t.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:F1} h");
    }
}
