using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;
using static KannadaKit.Lexicon.Tests.LexiconFixtures;

namespace KannadaKit.Lexicon.Tests;

public class LexiconStoreTests
{
    [Fact]
    public void EntryRoundTripsWithProvenanceAndComputedFacts()
    {
        using var dir = new TempDirectory();
        var entry = new LexiconEntry("ಕಲ್ಲು")
        {
            Senses = [new Sense("noun", "stone", "ಬಂಡೆಯ ತುಂಡು", "", Dictionary with { Reference = "page 12" })],
            Examples = [new UsageExample("ಕಲ್ಲು ಬಿದ್ದಿತು.", "A stone fell.", Dictionary)],
            Etymologies = [new Etymology("From Proto-Dravidian *kal.", [EtymologyTemplates.Parse("{{inh|kn|dra-pro|*kal}}")!], Dictionary)],
            Relations = [new Relation(RelationKind.Synonym, "ಬಂಡೆ", Dictionary)],
            Forms = [new InflectedForm("ಕಲ್ಲುಗಳು", ["plural"], Dictionary)],
            Frequencies = [new Frequency(42, Corpus)],
        };
        using (var store = LexiconStore.Open(dir.File("lex.db"), create: true))
            store.Import(Dictionary, [entry]);

        using var again = LexiconStore.Open(dir.File("lex.db"));
        var got = again.Get("ಕಲ್ಲು")!;
        Assert.Equal("stone", Assert.Single(got.Senses).Gloss);
        Assert.Equal("ಬಂಡೆಯ ತುಂಡು", got.Senses[0].KannadaGloss);
        Assert.Equal("test-dict", got.Senses[0].Source.Source);
        Assert.Equal("CC0", got.Senses[0].Source.Licence);
        Assert.Equal("page 12", got.Senses[0].Source.Reference);
        Assert.Equal("A stone fell.", Assert.Single(got.Examples).Translation);
        Assert.Equal("{{inh|kn|dra-pro|*kal}}", Assert.Single(Assert.Single(got.Etymologies).Templates).ToString());
        Assert.Equal(("ಬಂಡೆ", RelationKind.Synonym), (Assert.Single(got.Relations).Target, got.Relations[0].Kind));
        Assert.Equal("ಕಲ್ಲುಗಳು", Assert.Single(got.Forms).Form);
        Assert.Equal(42, got.TotalFrequency);
        // The template's origin claim wins over spelling, and carries the classifier's provenance.
        Assert.Equal(OriginClass.Native, got.BestOrigin!.Class);
        Assert.Equal(0.95, got.BestOrigin.Confidence);
        Assert.Equal("kallu", got.Pronunciation!.Iso15919);
    }

    [Fact]
    public void HeadwordsAreNfc()
    {
        using var dir = new TempDirectory();
        string decomposed = "ಕೊಡು".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("ಕೊಡು", decomposed);
        using var store = Build(dir.File("lex.db"), [Word(decomposed, "verb", "to give")]);
        Assert.Equal(["ಕೊಡು"], store.Headwords());
        Assert.NotNull(store.Get(decomposed));
    }

    [Fact]
    public void ImportingTheSameSourceTwiceGivesTheSameLexicon()
    {
        using var dir = new TempDirectory();
        using var store = Build(dir.File("lex.db"));
        var first = store.Stats();
        var firstEntry = store.Get("ಮನೆ");
        var report = store.Import(Dictionary, Common());
        Assert.Equal(0, report.NewHeadwords);
        Assert.Equal(15, report.UpdatedHeadwords);
        Assert.Equal(first, store.Stats(), new StatsComparer());
        Assert.Equal(firstEntry!.Senses, store.Get("ಮನೆ")!.Senses);
    }

    [Fact]
    public void SourcesAddUpAndReplaceOnlyTheirOwnFacts()
    {
        using var dir = new TempDirectory();
        using var store = Build(dir.File("lex.db"));
        var other = new Provenance("other-dict", "CC BY 4.0");
        store.Import(other, [new LexiconEntry("ಮನೆ") { Senses = [new Sense("noun", "dwelling", "", "", other)] }]);
        Assert.Equal(["house, home", "dwelling"], store.Get("ಮನೆ")!.Senses.Select(s => s.Gloss));
        // Re-importing other-dict without ಮನೆ's sense replaces other-dict's facts for ಮನೆ only.
        store.Import(other, [new LexiconEntry("ಮನೆ") { Senses = [new Sense("noun", "abode", "", "", other)] }]);
        Assert.Equal(["house, home", "abode"], store.Get("ಮನೆ")!.Senses.Select(s => s.Gloss));
    }

    [Fact]
    public void FailedImportLeavesTheLexiconAsItWas()
    {
        using var dir = new TempDirectory();
        using var store = Build(dir.File("lex.db"));
        var before = store.Stats();
        IEnumerable<LexiconEntry> Failing()
        {
            yield return Word("ಹೊಸಪದ", "noun", "new word", 1);
            yield return Word("ಮನೆ", "noun", "replaced gloss", 1);
            throw new InvalidDataException("fixture.jsonl:3: truncated record");
        }

        Assert.Throws<InvalidDataException>(() => store.Import(new Provenance("test-dict", "CC0"), Failing()));
        Assert.Equal(before, store.Stats(), new StatsComparer());
        Assert.Null(store.Get("ಹೊಸಪದ"));
        Assert.Equal("house, home", store.Get("ಮನೆ")!.Senses[0].Gloss);
        // The store stays usable after the rollback.
        store.Import(Dictionary, [Word("ಹೊಸಪದ", "noun", "new word")]);
        Assert.NotNull(store.Get("ಹೊಸಪದ"));
    }

    [Fact]
    public void CancelledImportRollsBack()
    {
        using var dir = new TempDirectory();
        using var store = Build(dir.File("lex.db"));
        using var cts = new CancellationTokenSource();
        IEnumerable<LexiconEntry> Slow()
        {
            yield return Word("ಹೊಸಪದ", "noun", "new word");
            cts.Cancel();
            yield return Word("ಇನ್ನೊಂದು", "noun", "another");
        }

        Assert.ThrowsAny<OperationCanceledException>(() => store.Import(Dictionary, Slow(), cancel: cts.Token));
        Assert.Null(store.Get("ಹೊಸಪದ"));
    }

    [Fact]
    public void StatsCountWhatEntriesCarry()
    {
        using var dir = new TempDirectory();
        using var store = Build(dir.File("lex.db"));
        var s = store.Stats();
        Assert.Equal(15, s.Headwords);
        Assert.Equal(15, s.WithFrequency);
        Assert.Equal(3, s.WithExample);
        Assert.Equal(15, s.WithGloss);
        Assert.True(s.WithOrigin >= 10, $"{s.WithOrigin} with origin");
        Assert.Equal(s.Headwords, s.ByOrigin.Values.Sum());
        Assert.Contains("test-dict", s.BySource.Keys);
    }

    [Fact]
    public void OpeningSomethingElseIsAOneLineError()
    {
        using var dir = new TempDirectory();
        var missing = Assert.Throws<LexiconStoreException>(() => LexiconStore.Open(dir.File("none.db")));
        Assert.Contains("none.db: no such lexicon", missing.Message);
        File.WriteAllText(dir.File("text.db"), "not a database at all, just text\n");
        var text = Assert.Throws<LexiconStoreException>(() => LexiconStore.Open(dir.File("text.db")));
        Assert.Contains("text.db: not a lexicon", text.Message);
        Assert.DoesNotContain('\n', text.Message);

        // A SQLite file of someone else's is refused and left unchanged.
        string other = dir.File("other.db");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={other};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES ('keep me');";
            cmd.ExecuteNonQuery();
        }

        byte[] before = File.ReadAllBytes(other);
        var foreign = Assert.Throws<LexiconStoreException>(() => LexiconStore.Open(other, create: true));
        Assert.Contains("not a lexicon", foreign.Message);
        Assert.Equal(before, File.ReadAllBytes(other));
    }

    /// <summary>Stats hold dictionaries; records compare those by reference.</summary>
    private sealed class StatsComparer : IEqualityComparer<LexiconStats>
    {
        public bool Equals(LexiconStats? x, LexiconStats? y) =>
            x is not null && y is not null && (x with { BySource = y.BySource, ByOrigin = y.ByOrigin }) == y
            && x.BySource.OrderBy(k => k.Key).SequenceEqual(y.BySource.OrderBy(k => k.Key))
            && x.ByOrigin.OrderBy(k => k.Key).SequenceEqual(y.ByOrigin.OrderBy(k => k.Key));

        public int GetHashCode(LexiconStats obj) => obj.Headwords.GetHashCode();
    }
}
