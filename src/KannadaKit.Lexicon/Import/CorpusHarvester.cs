using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Morphology;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.Lexicon.Import;

/// <summary>
/// Headword candidates from running text: every Kannada word with its count and one example sentence, inflected forms
/// folded into their lemma when the lemma occurs too (ಮನೆಯಲ್ಲಿ counts for ಮನೆ and is kept as an attested form of it).
/// Words are found by the script toolkit's tokenizer, sentences by its splitter, on NFC text.
/// </summary>
public sealed class CorpusHarvester
{
    private readonly string _path;
    private readonly CorpusHarvestOptions _options;

    /// <summary>Harvests <paramref name="path"/>.</summary>
    public CorpusHarvester(string path, CorpusHarvestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path;
        _options = options ?? CorpusHarvestOptions.Default;
    }

    /// <summary>The provenance: <c>corpus:FILE</c>.</summary>
    public Provenance Source => new("corpus:" + Path.GetFileNameWithoutExtension(_path), _options.Licence, Path.GetFileName(_path));

    /// <summary>Entries, most frequent first. The whole corpus is counted before the first entry comes out.</summary>
    public IEnumerable<LexiconEntry> Entries(IProgress<double>? progress = null)
    {
        var words = Count(progress);
        var prov = Source;
        var lemmaOf = new Dictionary<string, (string Lemma, string Tag)>(StringComparer.Ordinal);
        if (_options.FoldInflections)
        {
            foreach (var (w, _) in words)
            {
                foreach (var a in KannadaInflector.Analyse(w))
                {
                    if (a.Lemma != w && words.TryGetValue(a.Lemma, out var l) && l.Count >= _options.MinCount)
                    {
                        lemmaOf[w] = (a.Lemma, a.Tag);
                        break;
                    }
                }
            }
        }

        var totals = new Dictionary<string, Lemma>(StringComparer.Ordinal);
        foreach (var (w, stats) in words)
        {
            string root = w;
            string tag = "";
            // Follow at most three folds (ಮನೆಗಳಲ್ಲಿ → ಮನೆ); a cycle cannot form since each step shortens the word.
            for (int i = 0; i < 3 && lemmaOf.TryGetValue(root, out var next); i++)
            {
                if (tag.Length == 0)
                    tag = next.Tag;
                root = next.Lemma;
            }

            if (!totals.TryGetValue(root, out var lemma))
                totals[root] = lemma = new Lemma();
            lemma.Count += stats.Count;
            if (root == w)
                lemma.Example ??= stats.Example;
            else
            {
                lemma.Forms.Add((w, tag));
                lemma.FormExample ??= stats.Example;
            }
        }

        foreach (var (headword, l) in totals.Where(kv => kv.Value.Count >= _options.MinCount).OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var example = l.Example ?? l.FormExample;
            yield return new LexiconEntry(headword)
            {
                Frequencies = [new Frequency(l.Count, prov)],
                Examples = example is { } ex ? [new UsageExample(ex.Text, "", prov with { Reference = $"{Path.GetFileName(_path)}:{ex.Line}" })] : [],
                Forms = [.. l.Forms.Select(f => new InflectedForm(f.Form, [f.Tag], prov))],
            };
        }
    }

    private Dictionary<string, WordStats> Count(IProgress<double>? progress)
    {
        var words = new Dictionary<string, WordStats>(StringComparer.Ordinal);
        var splitter = SentenceSplitter.Default;
        var seen = new List<string>(32);
        foreach (var (number, line) in SourceLines.Read(_path, progress))
        {
            if (line.Length == 0)
                continue;
            foreach (var sentence in splitter.Split(line))
            {
                string text = sentence.Of(line).Trim();
                seen.Clear();
                int wordCount = 0;
                foreach (var (kind, seg) in WordTokenizer.Default.Enumerate(text))
                {
                    if (kind != TokenKind.Word)
                        continue;
                    wordCount++;
                    var span = text.AsSpan(seg.Start, seg.Length);
                    if (!IsKannadaOnly(span))
                        continue;
                    string w = span.ToString();
                    if (!words.TryGetValue(w, out var stats))
                        words[w] = stats = new WordStats();
                    stats.Count++;
                    if (stats.Example is null)
                        seen.Add(w);
                }

                if (seen.Count > 0 && wordCount >= _options.MinExampleWords && wordCount <= _options.MaxExampleWords && text.Length <= _options.MaxExampleChars)
                {
                    var ex = new ExampleRef(text, number);
                    foreach (var w in seen)
                        words[w].Example ??= ex;
                }
            }
        }

        return words;
    }

    private static bool IsKannadaOnly(ReadOnlySpan<char> w)
    {
        if (w.Length == 0 || w[0] is < '\u0C85' or > '\u0CE1')
            return false; // a word starts with a vowel or consonant letter, not a sign
        foreach (char c in w)
        {
            if (c is not (>= '\u0C80' and <= '\u0CFF') and not '\u200C' and not '\u200D')
                return false;
        }

        return w[^1] is not ('\u200C' or '\u200D') && !(w[0] is >= '\u0CE6' and <= '\u0CEF');
    }

    private sealed record ExampleRef(string Text, long Line);

    private sealed class WordStats
    {
        public long Count;
        public ExampleRef? Example;
    }

    private sealed class Lemma
    {
        public long Count;
        public ExampleRef? Example;
        public ExampleRef? FormExample;
        public readonly List<(string Form, string Tag)> Forms = [];
    }
}
