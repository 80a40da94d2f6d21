namespace KannadaKit.Tokenizers.Models;

/// <summary>
/// Hashes a pair of ints packed in a long. long's own hash is <c>high ^ low</c>, which for pairs of small ids collides
/// massively (Gemma's 580k merges fall into ~195k hash codes, chains up to 723); a multiplicative (Fibonacci) mix
/// spreads them.
/// </summary>
internal sealed class PairKeyComparer : IEqualityComparer<long>
{
    public static readonly PairKeyComparer Instance = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long obj) => (int)(((ulong)obj * 0x9E3779B97F4A7C15UL) >> 32);
}
