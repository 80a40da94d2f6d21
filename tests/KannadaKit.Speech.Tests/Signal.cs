using KannadaKit.Speech.Audio;

namespace KannadaKit.Speech.Tests;

/// <summary>Measurements on decoded audio.</summary>
internal static class Signal
{
    /// <summary>Reads a source to the end.</summary>
    public static float[] ReadAll(AudioSource source)
    {
        var all = new List<float>();
        var block = new float[4096];
        int n;
        while ((n = source.Read(block)) > 0)
        {
            all.AddRange(block.AsSpan(0, n));
        }

        return [.. all];
    }

    /// <summary>Amplitude of the <paramref name="hz"/> component (Goertzel over the span).</summary>
    public static double Amplitude(ReadOnlySpan<float> x, double hz, int rate)
    {
        double w = 2 * Math.PI * hz / rate, c = 2 * Math.Cos(w), s1 = 0, s2 = 0;
        foreach (float v in x)
        {
            double s0 = v + (c * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        double power = (s1 * s1) + (s2 * s2) - (c * s1 * s2);
        return 2 * Math.Sqrt(Math.Max(power, 0)) / x.Length;
    }

    /// <summary>Root mean square.</summary>
    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += v * (double)v;
        }

        return x.Length == 0 ? 0 : Math.Sqrt(sum / x.Length);
    }

    /// <summary>Decibels of a ratio of amplitudes.</summary>
    /// <summary>
    /// The loudest 100 ms block of <paramref name="x"/> (its first and last blocks left out: filter edges) in dB
    /// against a half-scale sine: what is left of a sweep above the new Nyquist frequency is aliasing. Block by
    /// block, so a narrow alias cannot hide in a long average.
    /// </summary>
    public static double WorstBlockDb(float[] x)
    {
        double worst = 0;
        for (int i = 1600; i + 1600 <= x.Length - 1600; i += 1600)
        {
            worst = Math.Max(worst, Rms(x.AsSpan(i, 1600)));
        }

        return Db(worst / (0.5 / Math.Sqrt(2)));
    }

    public static double Db(double ratio) => 20 * Math.Log10(Math.Max(ratio, 1e-12));
}
