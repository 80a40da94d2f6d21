namespace KannadaKit.Lexicon.Search;

/// <summary>How a query is matched.</summary>
public enum SearchMode
{
    /// <summary>Every mode that fits the query's script, results merged, best reason per headword.</summary>
    Auto,

    /// <summary>The headword itself.</summary>
    Exact,

    /// <summary>Headwords starting with the query (search as you type).</summary>
    Prefix,

    /// <summary>Headwords containing the query.</summary>
    Substring,

    /// <summary>Headwords within a small edit distance counted in aksharas.</summary>
    Fuzzy,

    /// <summary>Headwords that sound the same (the Ellara-aware phonetic key); Latin input goes through the same key.</summary>
    Phonetic,

    /// <summary>English words in glosses.</summary>
    English,

    /// <summary>Inflected forms to their lemma (ಮನೆಯಲ್ಲಿ → ಮನೆ).</summary>
    Lemma,
}
