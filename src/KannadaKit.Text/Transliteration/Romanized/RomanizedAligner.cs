namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>
/// Learns how each native symbol is written in casual Latin: expectation-maximisation over all ways of cutting each
/// romanization into one chunk per symbol (zero to four letters, by the symbol's kind).
/// </summary>
internal static class RomanizedAligner
{
    private const char Virama = '\u0CCD';

    /// <summary>P(chunk | symbol) as a table keyed by <c>symbol &lt;&lt; 24 | chunk code</c>.</summary>
    public static Dictionary<long, double> Train(NativeSymbols symbols, List<(List<int> Syms, string Roman, double Weight)> pairs,
        int iterations)
    {
        var theta = new Dictionary<long, double>();
        // Start uniform over what each kind may write.
        for (int it = 0; it <= iterations; it++)
        {
            var counts = new Dictionary<long, double>();
            foreach (var (syms, roman, weight) in pairs)
                Expect(symbols, syms, roman, weight, it == 0 ? null : theta, counts);
            var totals = new Dictionary<int, double>();
            foreach (var (key, c) in counts)
                totals[(int)(key >> 24)] = totals.GetValueOrDefault((int)(key >> 24)) + c;
            theta = new Dictionary<long, double>(counts.Count);
            foreach (var (key, c) in counts)
                theta[key] = c / totals[(int)(key >> 24)];
        }
        return theta;
    }

    public static long Key(int symbol, int chunk) => ((long)symbol << 24) | (uint)chunk;

    public static (int Min, int Max) Lengths(NativeSymbols symbols, int sym)
    {
        var kind = symbols.KindOf(sym);
        string text = symbols.TextOf(sym);
        return RomanChunk.Lengths(kind, sym == NativeSymbols.Inherent || text == Virama.ToString());
    }

    private static void Expect(NativeSymbols symbols, List<int> syms, string roman, double weight,
        Dictionary<long, double>? theta, Dictionary<long, double> counts)
    {
        int m = syms.Count;
        int n = roman.Length;
        var alpha = new double[m + 1, n + 1];
        var beta = new double[m + 1, n + 1];
        alpha[0, 0] = 1;
        for (int i = 0; i < m; i++)
        {
            var (min, max) = Lengths(symbols, syms[i]);
            for (int j = 0; j <= n; j++)
            {
                if (alpha[i, j] == 0)
                    continue;
                for (int len = min; len <= max && j + len <= n; len++)
                {
                    double t = Theta(theta, syms[i], roman.AsSpan(j, len));
                    if (t > 0)
                        alpha[i + 1, j + len] += alpha[i, j] * t;
                }
            }
        }
        double z = alpha[m, n];
        if (z <= 0)
            return;
        beta[m, n] = 1;
        for (int i = m - 1; i >= 0; i--)
        {
            var (min, max) = Lengths(symbols, syms[i]);
            for (int j = n; j >= 0; j--)
            {
                double b = 0;
                for (int len = min; len <= max && j + len <= n; len++)
                {
                    if (beta[i + 1, j + len] == 0)
                        continue;
                    double t = Theta(theta, syms[i], roman.AsSpan(j, len));
                    b += t * beta[i + 1, j + len];
                }
                beta[i, j] = b;
            }
        }
        for (int i = 0; i < m; i++)
        {
            var (min, max) = Lengths(symbols, syms[i]);
            for (int j = 0; j <= n; j++)
            {
                if (alpha[i, j] == 0)
                    continue;
                for (int len = min; len <= max && j + len <= n; len++)
                {
                    if (beta[i + 1, j + len] == 0)
                        continue;
                    double t = Theta(theta, syms[i], roman.AsSpan(j, len));
                    double post = alpha[i, j] * t * beta[i + 1, j + len] / z;
                    if (post <= 0)
                        continue;
                    long key = Key(syms[i], RomanChunk.Encode(roman.AsSpan(j, len)));
                    counts[key] = counts.GetValueOrDefault(key) + post * weight;
                }
            }
        }
    }

    private static double Theta(Dictionary<long, double>? theta, int sym, ReadOnlySpan<char> chunk)
    {
        int code = RomanChunk.Encode(chunk);
        if (code < 0)
            return 0;
        if (theta is null)
            return 1;
        return theta.GetValueOrDefault(Key(sym, code));
    }
}
