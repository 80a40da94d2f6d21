using System.Text;

namespace KannadaKit.Lexicon.Import;

/// <summary>Names of formats, and detection by content (the file's first bytes and lines, never its extension).</summary>
public static class ImportFormats
{
    /// <summary>The CLI name of a format.</summary>
    public static string Name(ImportFormat f) => f switch
    {
        ImportFormat.WiktionaryDump => "wiktionary",
        ImportFormat.Kaikki => "kaikki",
        ImportFormat.AlarYaml => "alar",
        ImportFormat.Csv => "csv",
        ImportFormat.WordList => "words",
        _ => "corpus",
    };

    /// <summary>The format of a CLI name, or null when there is none.</summary>
    public static ImportFormat? Parse(string? name) =>
        Enum.GetValues<ImportFormat>().Where(f => Name(f) == name).Select(f => (ImportFormat?)f).FirstOrDefault();

    /// <summary>
    /// Detects a dictionary file's format. Corpora are never detected (any text is a word list to a detector); they are
    /// named on the command line.
    /// </summary>
    /// <exception cref="LexiconImportException">The file is empty, binary or in no known format.</exception>
    public static ImportFormat Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] head = new byte[8192];
        int n;
        using (var f = SourceStreams.Open(path))
            n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);

        if (n == 0)
            throw new LexiconImportException(path, "", "empty file");
        var bytes = head.AsSpan(0, n);
        if (bytes.StartsWith("BZh"u8))
            return ImportFormat.WiktionaryDump;
        if (bytes.StartsWith(new byte[] { 0x1F, 0x8B }))
            throw new LexiconImportException(path, "byte 0", "gzip data; decompress it first (only .bz2 dumps are read compressed)");
        if (bytes.Contains((byte)0))
            throw new LexiconImportException(path, $"byte {bytes.IndexOf((byte)0)}", "binary data; expected a dump, JSON lines, YAML, CSV or a word list");

        // Cut at the last full line so a multi-byte character split by the buffer does not matter.
        int cut = n == head.Length ? bytes.LastIndexOf((byte)'\n') : n;
        string text = Encoding.UTF8.GetString(bytes[..Math.Max(cut, 0)]).TrimStart('\uFEFF');
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Take(20).ToList();
        if (lines.Count == 0)
            throw new LexiconImportException(path, "", "no content in the first 8 KB");
        string first = lines[0].TrimStart();
        if (first.StartsWith("<mediawiki", StringComparison.Ordinal) || (first.StartsWith("<?xml", StringComparison.Ordinal) && text.Contains("<mediawiki", StringComparison.Ordinal)))
            return ImportFormat.WiktionaryDump;
        if (first.StartsWith('<'))
            throw new LexiconImportException(path, "line 1", "XML that is not a MediaWiki dump (expected a <mediawiki> root)");
        if (first.StartsWith('{'))
            return ImportFormat.Kaikki;
        if (first.StartsWith("- ", StringComparison.Ordinal) || first == "---" || first.StartsWith("- id:", StringComparison.Ordinal))
            return ImportFormat.AlarYaml;
        var header = CsvFields.Split(first);
        if (header.Count > 1 && header.Any(h => h.Trim().Equals("headword", StringComparison.OrdinalIgnoreCase)))
            return ImportFormat.Csv;
        if (first.Contains(',', StringComparison.Ordinal) && !first.Contains('\t', StringComparison.Ordinal))
            throw new LexiconImportException(path, "line 1", "looks like CSV but the header has no 'headword' column");
        return ImportFormat.WordList;
    }
}
