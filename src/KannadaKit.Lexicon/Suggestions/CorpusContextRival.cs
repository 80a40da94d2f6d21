using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Store;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.Lexicon.Suggestions;

/// <summary>
/// Corpus evidence: native headwords used in the same contexts as the headword (words within two places either side),
/// by cosine similarity of context counts over a corpus the user gives. Distributional neighbours are often
/// near-synonyms and sometimes antonyms or co-hyponyms, so the score stays moderate and the judge weighs agreement.
/// </summary>
public sealed class CorpusContextRival : IRival
{
    private const int Window = 2;
    private readonly Dictionary<string, Dictionary<string, int>> _contexts;
    private readonly HashSet<string> _native;

    /// <summary>
    /// Reads <paramref name="corpusLines"/> once, keeping contexts for the <paramref name="targets"/> (the headwords
    /// suggestions will be asked for) and every native headword of <paramref name="store"/> seen at least
    /// <paramref name="minNativeFrequency"/> times.
    /// </summary>
    public CorpusContextRival(LexiconStore store, IEnumerable<string> corpusLines, IEnumerable<string> targets, int minNativeFrequency = 3)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(corpusLines);
        ArgumentNullException.ThrowIfNull(targets);
        _native = [.. store.NativeHeadwords(minNativeFrequency)];
        _contexts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        Load(corpusLines, [.. _native, .. targets.Select(t => t.Normalize(System.Text.NormalizationForm.FormC))]);
    }

    /// <inheritdoc />
    public string Name => "corpus-context";

    /// <inheritdoc />
    public IEnumerable<RivalProposal> Propose(LexiconEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_contexts.TryGetValue(entry.Headword, out var target) || target.Values.Sum() < 5)
            return [];
        double norm = Norm(target);
        return _native.Where(w => w != entry.Headword && _contexts.ContainsKey(w))
            .Select(w => (Word: w, Cos: Dot(target, _contexts[w]) / (norm * Norm(_contexts[w]))))
            .Where(x => x.Cos > 0.05)
            .OrderByDescending(x => x.Cos).Take(5)
            .Select(x => new RivalProposal(Name, x.Word, Math.Round(Math.Min(0.6, x.Cos), 3), $"shares contexts with {entry.Headword} (cosine {x.Cos:0.00})"))
            .ToList();
    }

    private void Load(IEnumerable<string> lines, HashSet<string> wanted)
    {
        foreach (var raw in lines)
        {
            string line = raw.Normalize(System.Text.NormalizationForm.FormC);
            var words = new List<string>();
            foreach (var (kind, seg) in WordTokenizer.Default.Enumerate(line))
            {
                if (kind == TokenKind.Word)
                    words.Add(line.Substring(seg.Start, seg.Length));
            }

            for (int i = 0; i < words.Count; i++)
            {
                if (!wanted.Contains(words[i]))
                    continue;
                if (!_contexts.TryGetValue(words[i], out var ctx))
                    _contexts[words[i]] = ctx = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int j = Math.Max(0, i - Window); j <= Math.Min(words.Count - 1, i + Window); j++)
                {
                    if (j != i)
                        ctx[(j < i ? "<" : ">") + words[j]] = ctx.GetValueOrDefault((j < i ? "<" : ">") + words[j]) + 1;
                }
            }
        }
    }

    private static double Dot(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        double sum = 0;
        foreach (var (k, v) in small)
        {
            if (large.TryGetValue(k, out int u))
                sum += (double)v * u;
        }

        return sum;
    }

    private static double Norm(Dictionary<string, int> a) => Math.Sqrt(a.Values.Sum(v => (double)v * v));
}
