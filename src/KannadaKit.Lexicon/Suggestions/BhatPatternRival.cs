using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Search;
using KannadaKit.Lexicon.Store;

namespace KannadaKit.Lexicon.Suggestions;

/// <summary>
/// Bhat's coinage patterns over native roots: a Sanskrit compound whose last member names a discipline, a knower or a
/// place (ಶಾಸ್ತ್ರ, ವಿಜ್ಞಾನ, ಶಾಸ್ತ್ರಜ್ಞ, ಗೃಹ…) becomes a native root + his suffix (-ಅರಿಮೆ "-logy", -ಅರಿಗ "-ist", -ಮನೆ),
/// the root being a native word for the first member (ಭಾಷಾ + ಶಾಸ್ತ್ರ → ನುಡಿ + ಅರಿಮೆ → ನುಡಿಯರಿಮೆ). The first member's native
/// word comes from the lexicon: its native-equivalent relations, else native words sharing its English gloss.
/// </summary>
public sealed class BhatPatternRival(LexiconStore store, LexiconSearcher searcher) : IRival
{
    // (Sanskrit last member, Bhat's native suffix, what it means)
    private static readonly (string Sanskrit, string Native, string Meaning)[] s_patterns =
    [
        ("ಶಾಸ್ತ್ರಜ್ಞ", "ಅರಿಗ", "-ist (one who knows)"), ("ವಿಜ್ಞಾನಿ", "ಅರಿಗ", "-ist (scientist)"), ("ತಜ್ಞ", "ಅರಿಗ", "expert"),
        ("ಶಾಸ್ತ್ರ", "ಅರಿಮೆ", "-logy (a science)"), ("ವಿಜ್ಞಾನ", "ಅರಿಮೆ", "-logy (a science)"), ("ವಿದ್ಯೆ", "ಅರಿಮೆ", "a branch of learning"),
        ("ಗೃಹ", "ಮನೆ", "house of"), ("ಾಲಯ", "ಮನೆ", "house of"), ("ಶಾಲೆ", "ಮನೆ", "house of"), ("ಕಾರ", "ಗಾರ", "-er (maker)"),
    ];

    private readonly NativeWords _native = new(searcher);

    /// <inheritdoc />
    public string Name => "bhat-pattern";

    /// <inheritdoc />
    public IEnumerable<RivalProposal> Propose(LexiconEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string w = entry.Headword;
        foreach (var (sanskrit, native, meaning) in s_patterns)
        {
            if (w == sanskrit && native.StartsWith('ಅ'))
            {
                yield return new RivalProposal(Name, native, 0.7, $"{sanskrit} → Bhat's {native} for {meaning}, from ಅರಿ \"know\"");
                continue;
            }

            if (!w.EndsWith(sanskrit, StringComparison.Ordinal) || w.Length <= sanskrit.Length + 1)
                continue;
            string first = w[..^sanskrit.Length];
            foreach (var (root, why) in NativeRoots(first))
            {
                string coined = Sandhi.Join(root, native);
                if (coined != w)
                    yield return new RivalProposal(Name, coined, 0.75, $"{first}+{sanskrit}: {why}; {sanskrit} → Bhat's {native} ({meaning})");
            }
        }
    }

    /// <summary>Native words for a compound's first member: its stem as a headword (ಭಾಷಾ → ಭಾಷೆ), then that word's natives.</summary>
    private IEnumerable<(string Root, string Why)> NativeRoots(string first)
    {
        var forms = new List<string> { first };
        if (first.EndsWith('\u0CBE'))
            forms.AddRange([first[..^1] + "\u0CC6", first[..^1]]); // ಭಾಷಾ → ಭಾಷೆ, ಭಾಷ
        else if (first.EndsWith('\u0CCD'))
            forms.Add(first[..^1]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in forms)
        {
            if (store.Get(f) is not { } e)
                continue;
            if (e.BestOrigin?.Class == OriginClass.Native && seen.Add(f))
                yield return (f, $"{f} is native");
            foreach (var r in e.Relations.Where(r => r.Kind == RelationKind.NativeEquivalent))
            {
                if (seen.Add(r.Target))
                    yield return (r.Target, $"{f}'s native equivalent {r.Target}");
            }

            foreach (var gloss in e.Senses.Select(s => s.Gloss).Where(g => g.Length > 0).Distinct())
            {
                foreach (var part in gloss.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3))
                {
                    // Only natives glossed by exactly this word: "language" must not make ಕನ್ನಡ ("the Kannada language") a root.
                    foreach (var n in _native.For(part, 3).Where(n => n.Gloss.Split([',', ';'], StringSplitOptions.TrimEntries)
                                 .Any(g => string.Equals(g, part, StringComparison.OrdinalIgnoreCase))))
                    {
                        if (seen.Add(n.Headword))
                            yield return (n.Headword, $"{f} \"{part}\" ≈ native {n.Headword} \"{n.Gloss}\"");
                    }
                }
            }
        }
    }
}
