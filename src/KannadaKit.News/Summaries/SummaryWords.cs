using System.Text;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.News.Summaries;

/// <summary>
/// The words summarization and ROUGE count: KannadaKit.Text's word tokens (vowel signs stay inside words, unlike
/// <c>\w</c>), words and numbers only, NFC with joiners removed, Latin lower-cased. Kannada digits count as numbers.
/// </summary>
public static class SummaryWords
{
    /// <summary>The words of <paramref name="text"/>, in order.</summary>
    public static List<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string clean = NewsText.WithoutJoiners(text);
        var words = new List<string>();
        foreach (var (kind, seg) in WordTokenizer.Default.Enumerate(clean))
        {
            if (kind is TokenKind.Word or TokenKind.Number or TokenKind.NumberWithSuffix or TokenKind.Suffix)
                words.Add(seg.Of(clean).ToLowerInvariant());
        }

        return words;
    }

    /// <summary>
    /// A crude stem for overlap: the word without its last akshara when it has three or more, so ಮಳೆಯಿಂದ and ಮಳೆಯ
    /// still meet on ಮಳೆ… Not morphology, just enough for sentence similarity.
    /// </summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var units = Aksharas.Split(word);
        return units.Count >= 3 ? word[..units[^1].Start] : word;
    }
}
