namespace KannadaKit.Lexicon.Export;

/// <summary>Formats a lexicon exports to.</summary>
public enum ExportFormat
{
    /// <summary>kaikki/wiktextract-compatible JSON lines (reads back with the kaikki importer).</summary>
    Kaikki,

    /// <summary>A MediaWiki XML export: one page of Wiktionary wikitext per entry, ready for Special:Import or review.</summary>
    Wikitext,

    /// <summary>CSV in the columns the CSV importer reads.</summary>
    Csv,
}
