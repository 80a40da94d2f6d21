using KannadaKit.Lexicon.Model;

namespace KannadaKit.Lexicon.Import;

/// <summary>A source file opened for import: its format, its provenance and its entries (read lazily).</summary>
public sealed class SourceFile
{
    private readonly Func<IProgress<double>?, IEnumerable<LexiconEntry>> _entries;
    private readonly Func<Provenance> _source;

    private SourceFile(string path, ImportFormat format, Func<Provenance> source, Func<IProgress<double>?, IEnumerable<LexiconEntry>> entries)
    {
        Path = path;
        Format = format;
        _source = source;
        _entries = entries;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Its format.</summary>
    public ImportFormat Format { get; }

    /// <summary>Where its facts come from (for a dump, known once reading has begun).</summary>
    public Provenance Source => _source();

    /// <summary>Opens <paramref name="path"/> as <paramref name="format"/>, or as what its content shows when null.</summary>
    /// <exception cref="LexiconImportException">The file is missing or in no known format.</exception>
    public static SourceFile Open(string path, ImportFormat? format = null, string licence = "unknown", WiktionaryDumpOptions? dump = null,
        CorpusHarvestOptions? corpus = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new LexiconImportException(path, "", Directory.Exists(path) ? "a directory, not a file" : "no such file");
        var f = format ?? ImportFormats.Detect(path);
        switch (f)
        {
            case ImportFormat.WiktionaryDump:
            {
                var r = new WiktionaryDumpReader(path, dump);
                return new SourceFile(path, f, () => r.Source, p => r.Entries(p));
            }

            case ImportFormat.Kaikki:
            {
                var r = new KaikkiReader(path);
                return new SourceFile(path, f, () => r.Source, p => r.Entries(p));
            }

            case ImportFormat.AlarYaml:
            {
                var r = new AlarReader(path);
                return new SourceFile(path, f, () => r.Source, p => r.Entries(p));
            }

            case ImportFormat.Csv:
            {
                var r = new CsvLexiconReader(path, licence);
                return new SourceFile(path, f, () => r.Source, p => r.Entries(p));
            }

            case ImportFormat.WordList:
            {
                var r = new WordListReader(path, licence);
                return new SourceFile(path, f, () => r.Source, p => r.Entries(p));
            }

            default:
            {
                var r = new CorpusHarvester(path, (corpus ?? CorpusHarvestOptions.Default) with { Licence = licence });
                return new SourceFile(path, f, () => r.Source, p => r.Entries(p));
            }
        }
    }

    /// <summary>The entries; <paramref name="progress"/> gets the fraction of the file read.</summary>
    public IEnumerable<LexiconEntry> Entries(IProgress<double>? progress = null) => _entries(progress);
}
