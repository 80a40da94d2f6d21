using KannadaKit.Text.Segmentation;

namespace KannadaKit.Lexicon.Search;

/// <summary>Levenshtein distance where the units are aksharas, not chars: ಕನ್ನಡ→ಕನಡ is one edit, not two.</summary>
public static class AksharaDistance
{
    /// <summary>Joins stored units; never part of Kannada text.</summary>
    public const char Separator = '\u001F';

    /// <summary>The aksharas of a word.</summary>
    public static string[] Units(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return [.. Aksharas.Split(word).Select(s => s.Of(word))];
    }

    /// <summary>The distance, or <paramref name="max"/> + 1 as soon as it must exceed <paramref name="max"/>.</summary>
    public static int Between(string[] a, string[] b, int max)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > max)
            return max + 1;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
            prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                rowMin = Math.Min(rowMin, cur[j]);
            }

            if (rowMin > max)
                return max + 1;
            (prev, cur) = (cur, prev);
        }

        return Math.Min(prev[b.Length], max + 1);
    }
}
