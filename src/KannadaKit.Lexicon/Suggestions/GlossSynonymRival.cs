using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Search;

namespace KannadaKit.Lexicon.Suggestions;

/// <summary>Attested native words glossed with the same English as the headword (ಭಾಷೆ "language" → ನುಡಿ "language, speech").</summary>
public sealed class GlossSynonymRival(LexiconSearcher searcher) : IRival
{
    private readonly NativeWords _native = new(searcher);

    /// <inheritdoc />
    public string Name => "gloss-synonym";

    /// <inheritdoc />
    public IEnumerable<RivalProposal> Propose(LexiconEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var glosses = entry.Senses.Select(s => s.Gloss.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal) { entry.Headword };
        foreach (var gloss in glosses)
        {
            foreach (var word in gloss.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(4))
            {
                if (word.Length == 0 || word.Length > 60)
                    continue;
                foreach (var r in _native.For(word))
                {
                    if (!seen.Add(r.Headword))
                        continue;
                    // A whole-gloss match is a synonym; a shared word inside a longer gloss is weaker.
                    bool whole = r.Gloss.Split([',', ';'], StringSplitOptions.TrimEntries).Any(g => string.Equals(g, word, StringComparison.OrdinalIgnoreCase));
                    yield return new RivalProposal(Name, r.Headword, whole ? 0.8 : 0.45, $"native word glossed \"{r.Gloss}\", as \"{word}\"");
                }
            }
        }
    }
}
