using System.Globalization;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.Text.Transliteration.Romanized;

/// <summary>Reads the inputs of <see cref="RomanizedModel.Train"/> from files.</summary>
public static class RomanizedTrainingData
{
    /// <summary>The longest word either side of a pair may be.</summary>
    public const int MaxWordLength = 100;

    /// <summary>
    /// Reads word pairs, one per line: <c>kannada TAB romanized [TAB count]</c> (the Dakshina lexicon format).
    /// </summary>
    /// <exception cref="FormatException">A line is malformed; the message names the file and line.</exception>
    public static List<(string Kannada, string Roman, int Count)> ReadPairs(string path)
    {
        var pairs = new List<(string, string, int)>();
        int n = 0;
        foreach (string line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0)
                continue;
            string[] f = line.Split('\t');
            int count = 1;
            if (f.Length is < 2 or > 3 || f[0].Length == 0 || f[1].Length == 0
                || (f.Length == 3 && !int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out count)))
                throw new FormatException($"{path}:{n}: expected 'kannada<TAB>romanized[<TAB>count]'");
            // The EM alignment holds a table of Kannada × Latin length per pair: two 100k-character "words" needed
            // more memory than an array may have (regression). Real words are far shorter.
            if (f[0].Length > MaxWordLength || f[1].Length > MaxWordLength)
                throw new FormatException($"{path}:{n}: a word longer than {MaxWordLength} characters; expected one word per side");
            pairs.Add((f[0], f[1], count));
        }
        return pairs;
    }

    /// <summary>Counts the Kannada words of a text file (any size; read line by line).</summary>
    public static Dictionary<string, int> CountWords(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var alternate = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string line in File.ReadLines(path))
        {
            foreach (var (kind, segment) in WordTokenizer.Default.Enumerate(line))
            {
                if (kind != TokenKind.Word)
                    continue;
                var word = line.AsSpan(segment.Start, segment.Length);
                if (word.Length == 0 || word[0] is < '\u0C80' or > '\u0CFF')
                    continue;
                alternate[word] = alternate.TryGetValue(word, out int c) ? c + 1 : 1;
            }
        }
        return counts;
    }
}
