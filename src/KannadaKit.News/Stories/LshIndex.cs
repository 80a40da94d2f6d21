namespace KannadaKit.News.Stories;

/// <summary>
/// Locality-sensitive hashing over MinHash signatures: <see cref="Bands"/> bands of <see cref="Rows"/> rows; two
/// documents are candidates when any band matches exactly; the chance a pair of Jaccard similarity <c>s</c> becomes a
/// candidate is <c>1 − (1 − sʳ)ᵇ</c>, so fewer rows find more pairs and propose more to verify.
/// </summary>
public sealed class LshIndex<TKey>
    where TKey : notnull
{
    private readonly Dictionary<(int Band, ulong Hash), List<TKey>> _buckets = [];

    /// <summary>An index for signatures of <paramref name="bands"/> × <paramref name="rows"/> values.</summary>
    public LshIndex(int bands = 64, int rows = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        Bands = bands;
        Rows = rows;
    }

    /// <summary>Bands per signature.</summary>
    public int Bands { get; }

    /// <summary>Values per band.</summary>
    public int Rows { get; }

    /// <summary>The keys already added that share a band with <paramref name="signature"/>, each once.</summary>
    public IReadOnlyCollection<TKey> Candidates(ReadOnlySpan<ulong> signature)
    {
        Check(signature);
        var found = new HashSet<TKey>();
        for (int b = 0; b < Bands; b++)
        {
            if (_buckets.TryGetValue((b, BandHash(signature, b)), out var keys))
                found.UnionWith(keys);
        }

        return found;
    }

    /// <summary>Adds a document.</summary>
    public void Add(TKey key, ReadOnlySpan<ulong> signature)
    {
        Check(signature);
        for (int b = 0; b < Bands; b++)
        {
            var slot = (b, BandHash(signature, b));
            if (!_buckets.TryGetValue(slot, out var keys))
                _buckets[slot] = keys = [];
            keys.Add(key);
        }
    }

    private ulong BandHash(ReadOnlySpan<ulong> sig, int band)
    {
        ulong h = 14695981039346656037UL;
        foreach (ulong v in sig.Slice(band * Rows, Rows))
            h = (h ^ v) * 1099511628211UL;
        return h;
    }

    private void Check(ReadOnlySpan<ulong> signature)
    {
        if (signature.Length != Bands * Rows)
            throw new ArgumentException($"a signature of {signature.Length} values; this index takes {Bands} × {Rows}");
    }
}
