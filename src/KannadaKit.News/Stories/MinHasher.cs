namespace KannadaKit.News.Stories;

/// <summary>
/// MinHash signatures: for each of <see cref="Permutations"/> hash functions <c>(a·x + b) mod (2⁶¹ − 1)</c>, the least
/// value over a document's shingles. The share of equal positions in two signatures estimates the Jaccard similarity
/// of the shingle sets. Seeded, so signatures are stable across runs and can be stored.
/// </summary>
public sealed class MinHasher
{
    private const ulong Prime = (1UL << 61) - 1;
    private readonly ulong[] _a, _b;

    /// <summary>A hasher with <paramref name="permutations"/> functions drawn from <paramref name="seed"/>.</summary>
    public MinHasher(int permutations = 128, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        var random = new Random(seed);
        _a = new ulong[permutations];
        _b = new ulong[permutations];
        for (int i = 0; i < permutations; i++)
        {
            _a[i] = 1 + ((ulong)random.NextInt64() % (Prime - 1));
            _b[i] = (ulong)random.NextInt64() % Prime;
        }
    }

    /// <summary>The number of hash functions.</summary>
    public int Permutations => _a.Length;

    /// <summary>The signature of a shingle set (all <see cref="ulong.MaxValue"/> for an empty set).</summary>
    public ulong[] Signature(IEnumerable<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        var sig = new ulong[_a.Length];
        Array.Fill(sig, ulong.MaxValue);
        foreach (ulong s in shingles)
        {
            ulong x = s % Prime;
            for (int i = 0; i < sig.Length; i++)
            {
                ulong h = MulMod(_a[i], x) + _b[i];
                if (h >= Prime)
                    h -= Prime;
                if (h < sig[i])
                    sig[i] = h;
            }
        }

        return sig;
    }

    /// <summary>The estimated Jaccard similarity of the sets behind two signatures of the same hasher.</summary>
    public static double Similarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length || a.Length == 0)
            throw new ArgumentException("signatures of different lengths");
        int same = 0;
        for (int i = 0; i < a.Length; i++)
            same += a[i] == b[i] && a[i] != ulong.MaxValue ? 1 : 0;
        return (double)same / a.Length;
    }

    // (a·x) mod (2^61 − 1) without overflow, through the 128-bit product.
    private static ulong MulMod(ulong a, ulong x)
    {
        UInt128 p = (UInt128)a * x;
        ulong lo = (ulong)(p & Prime), hi = (ulong)(p >> 61);
        ulong r = lo + hi;
        return r >= Prime ? r - Prime : r;
    }
}
