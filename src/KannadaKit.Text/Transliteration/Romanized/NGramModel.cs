namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>
/// A Witten-Bell interpolated n-gram model over native symbols, stored in backoff form: the full probability of every
/// n-gram seen in training plus a backoff weight per history, so a lookup is a few hash probes.
/// </summary>
/// <remarks>Histories are packed into a <see cref="ulong"/>, 8 bits per symbol, newest in the low byte.</remarks>
internal sealed class NGramModel
{
    private readonly LongFloatMap _logProb;   // key: (history << 8 | symbol) tagged with order
    private readonly LongFloatMap _logBackoff; // key: history tagged with order

    private NGramModel(int order, int symbols, LongFloatMap logProb, LongFloatMap logBackoff)
    {
        Order = order;
        Symbols = symbols;
        _logProb = logProb;
        _logBackoff = logBackoff;
    }

    public int Order { get; }

    public int Symbols { get; }

    private static ulong Tag(ulong key, int order) => key | ((ulong)order << 56);

    private static ulong Mask(int symbols) => symbols >= 7 ? (1UL << 56) - 1 : (1UL << (8 * symbols)) - 1;

    /// <summary>Appends a symbol to a history, keeping the newest <c>Order - 1</c>.</summary>
    public ulong Push(ulong history, int symbol) => ((history << 8) | (uint)symbol) & Mask(Order - 1);

    /// <summary>log P(symbol | history).</summary>
    public float LogProb(ulong history, int symbol)
    {
        float backoff = 0;
        for (int n = Order; n >= 1; n--)
        {
            ulong h = history & Mask(n - 1);
            if (_logProb.TryGet(Tag((h << 8) | (uint)symbol, n), out float lp))
                return backoff + lp;
            if (_logBackoff.TryGet(Tag(h, n), out float bow))
                backoff += bow;
        }
        return backoff + MathF.Log(1f / Symbols);
    }

    /// <summary>Trains on symbol sequences (without boundaries; they are added) with weights.</summary>
    public static NGramModel Train(int order, int symbols, IEnumerable<(List<int> Seq, double Weight)> data)
    {
        // counts[n][(history, symbol)] for n = 1..order
        var counts = new Dictionary<ulong, double>[order + 1];
        for (int n = 1; n <= order; n++)
            counts[n] = [];
        foreach (var (seq, weight) in data)
        {
            ulong h = 0;
            for (int i = 0; i <= seq.Count; i++)
            {
                int s = i < seq.Count ? seq[i] : NativeSymbols.Boundary;
                for (int n = 1; n <= order; n++)
                {
                    if (n - 1 > i + 1)
                        break; // history reaches before the start boundary
                    ulong key = ((h & Mask(n - 1)) << 8) | (uint)s;
                    counts[n][key] = counts[n].GetValueOrDefault(key) + weight;
                }
                h = ((h << 8) | (uint)s) & Mask(order - 1);
            }
        }

        var logProb = new LongFloatMap(counts.Skip(1).Sum(c => c.Count) * 2);
        var logBackoff = new LongFloatMap(counts.Skip(1).Sum(c => c.Count));
        // Lower orders first: each order interpolates with the one below.
        var prob = new Dictionary<ulong, double>[order + 1];
        for (int n = 1; n <= order; n++)
        {
            var totals = new Dictionary<ulong, (double Count, int Types)>();
            foreach (var (key, c) in counts[n])
            {
                ulong hist = key >> 8;
                var t = totals.GetValueOrDefault(hist);
                totals[hist] = (t.Count + c, t.Types + 1);
            }
            prob[n] = new Dictionary<ulong, double>(counts[n].Count);
            foreach (var (key, c) in counts[n])
            {
                ulong hist = key >> 8;
                int s = (int)(key & 0xFF);
                var (total, types) = totals[hist];
                double lower = n == 1 ? 1.0 / symbols : Lower(prob, logBackoff, n - 1, hist, s, symbols);
                double p = (c + types * lower) / (total + types);
                prob[n][key] = p;
                logProb.Set(Tag(key, n), (float)Math.Log(p));
            }
            foreach (var (hist, (total, types)) in totals)
                logBackoff.Set(Tag(hist, n), (float)Math.Log(types / (total + types)));
        }
        return new NGramModel(order, symbols, logProb, logBackoff);
    }

    /// <summary>P(s | hist of order n) during training, backing off through lower orders.</summary>
    private static double Lower(Dictionary<ulong, double>[] prob, LongFloatMap logBackoff, int n, ulong hist, int s, int symbols)
    {
        double weight = 1;
        for (int k = n; k >= 1; k--)
        {
            ulong h = hist & Mask(k - 1);
            if (prob[k].TryGetValue((h << 8) | (uint)s, out double p))
                return weight * p;
            if (logBackoff.TryGet(Tag(h, k), out float bow))
                weight *= Math.Exp(bow);
        }
        return weight / symbols;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Order);
        w.Write(Symbols);
        _logProb.Write(w);
        _logBackoff.Write(w);
    }

    public static NGramModel Read(BinaryReader r)
    {
        int order = r.ReadInt32();
        int symbols = r.ReadInt32();
        if (order is < 1 or > 7 || symbols is < 2 or > 256)
            throw new InvalidDataException($"n-gram order {order} or symbol count {symbols} out of range");
        return new NGramModel(order, symbols, LongFloatMap.Read(r), LongFloatMap.Read(r));
    }
}
