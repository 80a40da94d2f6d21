using KannadaKit.Lexicon.Model;

namespace KannadaKit.Lexicon.Morphology;

/// <summary>The computed inflection tables an entry shows: the paradigms its parts of speech and ending allow.</summary>
public static class InflectionTable
{
    /// <summary>
    /// Forms by paradigm. Without a part of speech the word is taken as a noun (most headwords are). An -ಅ noun gets
    /// the human table when an English gloss names a person, else the neuter one.
    /// </summary>
    public static IReadOnlyList<(Paradigm Paradigm, IReadOnlyList<InflectedWord> Forms)> For(LexiconEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var parts = entry.Senses.Select(s => s.PartOfSpeech).Where(p => p is "noun" or "verb" or "proper noun" or "pronoun").Distinct().ToList();
        if (parts.Count == 0)
            parts.Add("noun");
        var paradigms = parts.SelectMany(p => KannadaInflector.ParadigmsFor(entry.Headword, p)).Distinct().ToList();
        if (paradigms.Contains(Paradigm.NounANeuter) && paradigms.Contains(Paradigm.NounAHuman))
            paradigms.Remove(NamesAPerson(entry) ? Paradigm.NounANeuter : Paradigm.NounAHuman);
        return [.. paradigms.Select(p => (p, KannadaInflector.Inflect(entry.Headword, p))).Where(t => t.Item2.Count > 1)];
    }

    private static readonly string[] s_personWords =
        ["person", "man", "woman", "boy", "girl", "child", "son", "daughter", "king", "teacher", "one who", "speaker", "-er", "father", "mother", "brother", "sister"];

    private static bool NamesAPerson(LexiconEntry entry) =>
        entry.Senses.Any(s => s_personWords.Any(w => s.Gloss.Contains(w, StringComparison.OrdinalIgnoreCase)));
}
