using System.Text;
using KannadaKit.Text.Scripts;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.News.Stories;

/// <summary>
/// The shingles near-duplicate detection compares: runs of <c>k</c> aksharas over the letters of a text (spaces,
/// punctuation and joiners dropped, NFC first), hashed with 64-bit FNV-1a so signatures are the same in every
/// process. Aksharas, not characters or <c>\w</c> words: a word's case endings change its last akshara or two, so
/// the same report in two outlets shares most akshara runs even where its words differ.
/// </summary>
public static class AksharaShingles
{
    /// <summary>The distinct shingle hashes of <paramref name="text"/> (a text shorter than <paramref name="k"/> aksharas gives one).</summary>
    public static HashSet<ulong> Of(string text, int k = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var units = Units(text);
        var set = new HashSet<ulong>();
        if (units.Count == 0)
            return set;
        for (int i = 0; i + k <= Math.Max(units.Count, k); i++)
        {
            ulong h = 14695981039346656037UL;
            for (int j = i; j < Math.Min(i + k, units.Count); j++)
            {
                foreach (char c in units[j])
                    h = (h ^ c) * 1099511628211UL;
                h = (h ^ 0x1F) * 1099511628211UL; // unit separator: ಕ+ನ್ನ differs from ಕನ್+ನ
            }

            set.Add(h);
        }

        return set;
    }

    /// <summary>The letter aksharas of <paramref name="text"/>, in order.</summary>
    internal static List<string> Units(string text)
    {
        text = NewsText.WithoutJoiners(text); // before segmenting: the joiner decides the akshara boundaries
        var units = new List<string>();
        var sb = new StringBuilder();
        foreach (var seg in Aksharas.Enumerate(text))
        {
            var span = text.AsSpan(seg.Start, seg.Length);
            sb.Clear();
            foreach (char c in span)
            {
                if (WordCharacters.IsWordChar(c) && !WordCharacters.IsJoiner(c))
                    sb.Append(char.ToLowerInvariant(c));
            }

            if (sb.Length > 0)
                units.Add(sb.ToString());
        }

        return units;
    }
}
