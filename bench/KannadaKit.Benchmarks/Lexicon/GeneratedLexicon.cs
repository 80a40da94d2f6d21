using System.Text;
using KannadaKit.Lexicon.Model;

namespace KannadaKit.Benchmarks.Lexicon;

/// <summary>
/// A reproducible lexicon of any size: Kannada-shaped headwords of 2–5 aksharas (plain, long-vowel and conjunct
/// syllables, endings in ಉ ಎ ಇ ಅ as real words have), English glosses from a pseudo-vocabulary, Zipf-like
/// frequencies and an example sentence per entry.
/// </summary>
internal static class GeneratedLexicon
{
    private static readonly string[] s_consonants = ["ಕ", "ಗ", "ಚ", "ಜ", "ಟ", "ಡ", "ಣ", "ತ", "ದ", "ನ", "ಪ", "ಬ", "ಮ", "ಯ", "ರ", "ಲ", "ವ", "ಶ", "ಸ", "ಹ", "ಳ", "ಖ", "ಭ", "ಧ", "ಷ"];
    private static readonly string[] s_signs = ["", "ಾ", "ಿ", "ೀ", "ು", "ೂ", "ೆ", "ೇ", "ೊ", "ೋ", "ೈ", "ಂ"];
    private static readonly string[] s_finals = ["ು", "ೆ", "ಿ", "", "ಾ"];
    private static readonly string[] s_latin = ["ka", "ra", "to", "mi", "lu", "sen", "dor", "pa", "vi", "ne", "ost", "ill", "ber", "gan", "tu", "ca", "lem", "or", "is", "an"];

    public static List<LexiconEntry> Create(int count, int seed = 20261203)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 6000).Select(_ => Latin(random)).Distinct().ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<LexiconEntry>(count);
        var source = new Provenance("bench-generated", "CC0", "bench");
        while (entries.Count < count)
        {
            string word = Word(random);
            if (!seen.Add(word))
                continue;
            int rank = entries.Count + 1;
            string gloss = string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
            entries.Add(new LexiconEntry(word)
            {
                Senses = [new Sense(random.Next(3) == 0 ? "verb" : "noun", gloss, "", "", source)],
                Frequencies = [new Frequency(Math.Max(1, 1_000_000 / rank), source)],
                Examples = [new UsageExample($"ಅವರು {word} ಬಗ್ಗೆ ಮಾತನಾಡಿದರು.", "", source)],
            });
        }

        return entries;
    }

    public static string Syllable(Random r)
    {
        string c = s_consonants[r.Next(s_consonants.Length)];
        if (r.Next(6) == 0)
            c += "್" + s_consonants[r.Next(s_consonants.Length)];
        return c + s_signs[r.Next(s_signs.Length)];
    }

    private static string Word(Random r)
    {
        var sb = new StringBuilder();
        int n = 2 + r.Next(4);
        for (int i = 0; i < n - 1; i++)
            sb.Append(Syllable(r));
        sb.Append(s_consonants[r.Next(s_consonants.Length)]).Append(s_finals[r.Next(s_finals.Length)]);
        return sb.ToString();
    }

    private static string Latin(Random r) => string.Concat(Enumerable.Range(0, 2 + r.Next(2)).Select(_ => s_latin[r.Next(s_latin.Length)]));
}
