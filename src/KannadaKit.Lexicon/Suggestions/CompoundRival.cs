using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Search;

namespace KannadaKit.Lexicon.Suggestions;

/// <summary>
/// Compounds of attested native words: when a gloss describes the thing in two content words ("a burning mountain"),
/// native words for each, joined in Kannada order (modifier first): ಉರಿ + ಬೆಟ್ಟ → ಉರಿಬೆಟ್ಟ.
/// </summary>
public sealed class CompoundRival(LexiconSearcher searcher) : IRival
{
    private readonly NativeWords _native = new(searcher);

    /// <inheritdoc />
    public string Name => "compound";

    /// <inheritdoc />
    public IEnumerable<RivalProposal> Propose(LexiconEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var seen = new HashSet<string>(StringComparer.Ordinal) { entry.Headword };
        foreach (var text in entry.Senses.SelectMany(s => new[] { s.Gloss, s.Qualifier }).Where(g => g.Length > 0).Distinct())
        {
            foreach (var phrase in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var words = NativeWords.ContentWords(phrase).ToList();
                // English puts the head last ("burning mountain"), as Kannada does: pair neighbours in order.
                for (int i = 0; i + 1 < words.Count && i < 4; i++)
                {
                    var left = _native.For(words[i], 2).ToList();
                    var right = _native.For(words[i + 1], 2).ToList();
                    foreach (var a in left)
                    {
                        foreach (var b in right)
                        {
                            // A compound with the headword in it explains the word, it does not replace it.
                            if (a.Headword == b.Headword || a.Headword == entry.Headword || b.Headword == entry.Headword)
                                continue;
                            string compound = Sandhi.Join(a.Headword, b.Headword);
                            if (seen.Add(compound))
                                yield return new RivalProposal(Name, compound, 0.6, $"\"{words[i]} {words[i + 1]}\": {a.Headword} \"{a.Gloss}\" + {b.Headword} \"{b.Gloss}\"");
                        }
                    }
                }
            }
        }
    }
}
