using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Search;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;
using Xunit.Abstractions;

namespace KannadaKit.Lexicon.Tests;

/// <summary>The acceptance build: ../shared's en.wiktionary test dump plus the harvested 5 MB Wikipedia sample.</summary>
public class SharedLexiconTests(ITestOutputHelper output)
{
    private const string Dump = "lexicon/enwiktionary-test-pages-articles.xml.bz2";
    private const string Corpus = "corpora/dakshina-kn/kn.wiki-valid.5MB.txt";

    [SharedDataFact(Dump)]
    public void TestDumpGivesKannadaTranslationsWithPageAndRevision()
    {
        var source = SourceFile.Open(SharedData.PathOf(Dump));
        Assert.Equal(ImportFormat.WiktionaryDump, source.Format);
        var entries = source.Entries().ToList();
        output.WriteLine($"{entries.Count} entries, {entries.Select(e => e.Headword).Distinct().Count()} headwords");
        var nighantu = entries.First(e => e.Headword == "ನಿಘಂಟು");
        Assert.Equal("dictionary", nighantu.Senses[0].Gloss);
        Assert.Equal("publication that explains the meanings of an ordered list of words", nighantu.Senses[0].Qualifier);
        Assert.Equal("https://en.wiktionary.org/w/index.php?title=dictionary&oldid=50220873", nighantu.Senses[0].Source.Reference);
        Assert.Contains(entries, e => e.Headword == "ಭಾಷೆ" && e.Senses.Any(s => s.Gloss == "language"));
        Assert.True(entries.Count >= 150, $"{entries.Count} entries");
    }

    [SharedDataFact(Dump, Corpus)]
    public void BuiltLexiconMeetsTheAcceptanceFigures()
    {
        using var dir = new TempDirectory();
        using var store = LexiconStore.Open(dir.File("lex.db"), create: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (path, format) in new[] { (Dump, (ImportFormat?)null), (Corpus, ImportFormat.Corpus) })
        {
            var source = SourceFile.Open(SharedData.PathOf(path), format, licence: "CC BY-SA 4.0");
            var report = store.Import(source.Source, source.Entries());
            output.WriteLine($"{path}: {report.Records} records, {report.NewHeadwords} new, {report.UpdatedHeadwords} updated, {clock.Elapsed.TotalSeconds:F1} s");
        }

        var stats = store.Stats();
        output.WriteLine($"headwords {stats.Headwords}, with origin {stats.WithOrigin}, example {stats.WithExample}, frequency {stats.WithFrequency}, gloss {stats.WithGloss}");
        using (var c = store.Connection.CreateCommand())
        {
            c.CommandText = """
                SELECT count(*) FROM entries e WHERE e.frequency > 0 AND e.origin <> 'unknown'
                AND EXISTS (SELECT 1 FROM facts f WHERE f.entry_id = e.id AND f.kind = 'example')
                """;
            long complete = (long)c.ExecuteScalar()!;
            output.WriteLine($"with frequency, example and origin: {complete}");
            Assert.True(complete >= 20_000, $"only {complete} headwords have a frequency, an example and an origin");
        }

        var search = new LexiconSearcher(store);
        Assert.Equal("ಕನ್ನಡ", search.Search("kannada")[0].Headword);
        Assert.Equal("ಭಾಷೆ", search.Search("language")[0].Headword);
        var lemma = search.Search("ಮನೆಯಲ್ಲಿ");
        Assert.Equal("ಮನೆ", lemma[0].Headword);
        Assert.Contains("of ಮನೆ", lemma[0].Reason);
        // A harvested lemma keeps its attested forms.
        Assert.Contains(store.Get("ಮನೆ")!.Forms, f => f.Form == "ಮನೆಯಲ್ಲಿ");
    }
}
