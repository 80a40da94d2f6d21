namespace KannadaKit.Lexicon.Import;

/// <summary>The source formats the lexicon reads.</summary>
public enum ImportFormat
{
    /// <summary>A MediaWiki XML dump of en.wiktionary or kn.wiktionary, plain or <c>.xml.bz2</c>.</summary>
    WiktionaryDump,

    /// <summary>kaikki.org / wiktextract JSON lines.</summary>
    Kaikki,

    /// <summary>Alar's <c>alar.yml</c>.</summary>
    AlarYaml,

    /// <summary>CSV with a header row naming at least <c>headword</c>.</summary>
    Csv,

    /// <summary>One word per line, optionally a tab and a count.</summary>
    WordList,

    /// <summary>Running text to harvest headwords, counts and examples from.</summary>
    Corpus,
}
