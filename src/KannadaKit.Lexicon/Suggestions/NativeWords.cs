using KannadaKit.Lexicon.Search;

namespace KannadaKit.Lexicon.Suggestions;

/// <summary>Native-origin headwords whose English gloss carries a word, best first (the rivals' shared lookup).</summary>
internal sealed class NativeWords(LexiconSearcher searcher)
{
    private static readonly HashSet<string> s_stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "by", "as", "at", "from", "that", "which", "is", "be",
        "one", "who", "something", "someone", "used", "etc", "especially", "kind", "type", "act", "state", "quality",
    };

    public static IEnumerable<string> ContentWords(string gloss) =>
        gloss.Split([' ', ',', ';', '(', ')', '.', '"', '\'', '/', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 1 && !s_stop.Contains(w) && w.All(char.IsAsciiLetter)).Select(w => w.ToLowerInvariant());

    public IEnumerable<SearchResult> For(string englishWord, int limit = 5) =>
        searcher.Search(englishWord, SearchMode.English, limit * 4).Where(r => r.Origin == "native").Take(limit);
}
