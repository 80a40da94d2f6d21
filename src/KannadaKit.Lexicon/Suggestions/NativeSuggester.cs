using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Origins;
using KannadaKit.Lexicon.Search;
using KannadaKit.Lexicon.Store;

namespace KannadaKit.Lexicon.Suggestions;

/// <summary>
/// The judge over a team of rivals: every rival proposes on its own, then each candidate is scored on what the rivals
/// said (their best score, plus agreement when several independent rivals propose it), whether the lexicon attests it
/// as a native word, how often a corpus uses it, and whether it sounds native (no aspirates, ಷ, ಋ or Sanskrit
/// clusters). Each rival's top pick is kept so disagreement shows. Nothing here is written to the lexicon.
/// </summary>
public sealed class NativeSuggester(LexiconStore store, IReadOnlyList<IRival> rivals)
{
    private readonly LexiconStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly IReadOnlyList<IRival> _rivals = rivals ?? throw new ArgumentNullException(nameof(rivals));

    /// <summary>
    /// The judge over the rivals that need only the lexicon (Bhat's patterns, gloss synonyms, compounds), plus any
    /// <paramref name="more"/> (a corpus rival, a model rival).
    /// </summary>
    public static NativeSuggester WithLexiconRivals(LexiconStore store, params IRival[] more)
    {
        ArgumentNullException.ThrowIfNull(store);
        var searcher = new LexiconSearcher(store);
        return new NativeSuggester(store, [new BhatPatternRival(store, searcher), new GlossSynonymRival(searcher), new CompoundRival(searcher), .. more]);
    }

    /// <summary>The report for <paramref name="entry"/>, at most <paramref name="limit"/> suggestions.</summary>
    public SuggestionReport Suggest(LexiconEntry entry, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var proposals = new List<RivalProposal>();
        var picks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rival in _rivals)
        {
            var mine = rival.Propose(entry).Where(p => p.Word != entry.Headword).ToList();
            if (mine.Count > 0)
                picks[rival.Name] = mine.MaxBy(p => p.Score)!.Word;
            proposals.AddRange(mine);
        }

        var ranked = proposals.GroupBy(p => p.Word, StringComparer.Ordinal).Select(g => Judge(g.Key, [.. g]))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Word, StringComparer.Ordinal).Take(limit).ToList();
        return new SuggestionReport(entry.Headword, ranked, picks, [.. _rivals.Select(r => r.Name)]);
    }

    private NativeSuggestion Judge(string word, List<RivalProposal> proposals)
    {
        var evidence = new List<string>();
        var byRival = proposals.GroupBy(p => p.Rival).Select(g => g.Max(p => p.Score)).ToList();
        double score = byRival.Max();
        if (byRival.Count > 1)
        {
            score += 0.25 * (byRival.Count - 1);
            evidence.Add($"{byRival.Count} independent rivals agree");
        }

        if (_store.Get(word) is { } attested)
        {
            var origin = attested.BestOrigin;
            if (origin?.Class == OriginClass.Native)
            {
                score += 0.3;
                evidence.Add($"attested in the lexicon as native ({origin.Source.Source})");
            }
            else if (origin is { } o && o.Class != OriginClass.Unknown)
            {
                score -= 0.3;
                evidence.Add($"attested, but its origin is {OriginClasses.Name(o.Class)}");
            }
            else
            {
                score += 0.1;
                evidence.Add("attested in the lexicon");
            }

            if (attested.TotalFrequency > 0)
            {
                score += Math.Min(0.3, Math.Log10(1 + attested.TotalFrequency) / 10);
                evidence.Add($"corpus count {attested.TotalFrequency}");
            }
        }
        else
        {
            evidence.Add("a new coinage: not in the lexicon");
        }

        var spelling = OriginClassifier.FromSpelling(word);
        if (spelling.Class is OriginClass.Tatsama or OriginClass.English or OriginClass.PersoArabic)
        {
            score -= 0.4 * spelling.Confidence;
            evidence.Add($"does not sound native: {string.Join(", ", spelling.Evidence)}");
        }
        else if (spelling.Class == OriginClass.Native)
        {
            score += 0.1;
            evidence.Add("native phonotactics");
        }

        return new NativeSuggestion(word, Math.Round(score, 3), proposals, evidence);
    }
}
