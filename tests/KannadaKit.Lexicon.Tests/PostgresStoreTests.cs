using System.Text;
using System.Text.Json;
using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Json;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Review;
using KannadaKit.Lexicon.Search;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;
using KannadaKit.Testing.Postgres;

namespace KannadaKit.Lexicon.Tests;

/// <summary>
/// The PostgreSQL store against a real server (tools/postgres/test-server.sh): the same lexicon as SQLite from the
/// same sources, entry for entry and result for result, with the same transactional imports.
/// </summary>
public sealed class PostgresStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly PostgresSchema? _schema = PostgresServer.SkipReason is null ? PostgresServer.NewSchema() : null;

    public void Dispose()
    {
        _schema?.Dispose();
        _dir.Dispose();
    }

    private string Pg => _schema!.ConnectionString;

    private static IEnumerable<SourceFile> Sources() =>
    [
        SourceFile.Open(Path.Combine(SharedData.RepoRoot, "corpora", "lexicon", "kn-sample-entries.csv"), licence: "CC0"),
        SourceFile.Open(Path.Combine(SharedData.RepoRoot, "corpora", "samples", "kn-news-sample.txt"), ImportFormat.Corpus, "CC0"),
        SourceFile.Open(Path.Combine(AppContext.BaseDirectory, "Fixtures", "en-wiktionary-kannada.xml"), ImportFormat.WiktionaryDump, "CC BY-SA 4.0"),
    ];

    private static void Fill(LexiconStore store)
    {
        foreach (var s in Sources())
            store.Import(s.Source, s.Entries());
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
            write(w);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [PostgresFact]
    public void TheSameSourcesGiveTheSameLexiconAsSqlite()
    {
        using var sqlite = LexiconStore.Open(_dir.File("lex.db"), create: true);
        using var pg = LexiconStore.Open(Pg, create: true);
        Assert.True(pg.IsServer);
        Assert.False(sqlite.IsServer);
        Fill(sqlite);
        Fill(pg);

        Assert.Equal(Json(w => LexiconJsonWriter.WriteStats(w, sqlite.Stats())), Json(w => LexiconJsonWriter.WriteStats(w, pg.Stats())));
        var headwords = sqlite.Headwords().ToList();
        Assert.True(headwords.Count >= 90, $"{headwords.Count} headwords");
        Assert.Equal(headwords, pg.Headwords()); // code-point order on both (COLLATE "C")
        foreach (var h in headwords)
            Assert.Equal(Json(w => LexiconJsonWriter.WriteEntry(w, sqlite.Get(h)!)), Json(w => LexiconJsonWriter.WriteEntry(w, pg.Get(h)!)));
        Assert.Equal(sqlite.NativeHeadwords(), pg.NativeHeadwords());
    }

    [PostgresFact]
    public void SearchFindsTheSameWordsForTheSameReasons()
    {
        using var sqlite = LexiconStore.Open(_dir.File("lex.db"), create: true);
        using var pg = LexiconStore.Open(Pg, create: true);
        Fill(sqlite);
        Fill(pg);
        var a = new LexiconSearcher(sqlite);
        var b = new LexiconSearcher(pg);
        string Results(LexiconSearcher s, string q, SearchMode m) =>
            string.Join("\n", s.Search(q, m, 10).Select(r => $"{r.Headword} {r.Score} {r.Reason}"));

        foreach (var (q, mode) in new[]
        {
            ("kannada", SearchMode.Auto), ("ಕನ್ನಡ", SearchMode.Auto), ("ಮನೆಯಲ್ಲಿ", SearchMode.Auto), ("ಕನ", SearchMode.Prefix),
            ("ನ್ನ", SearchMode.Substring), ("ರಿಮೆ", SearchMode.Substring), ("ಕನಡ", SearchMode.Fuzzy), ("ಭಾಶೆ", SearchMode.Auto),
            ("baShe", SearchMode.Phonetic), ("ಮನೆಗೂ", SearchMode.Lemma), ("100%_", SearchMode.Substring), ("' OR 1=1 --", SearchMode.Auto),
        })
        {
            Assert.Equal(Results(a, q, mode), Results(b, q, mode));
        }

        // English ranks by BM25 on SQLite and ts_rank on PostgreSQL: whole-gloss matches lead on both, in table order.
        Assert.Equal("ಭಾಷೆ", b.Search("language", SearchMode.English)[0].Headword);
        Assert.Equal(a.Search("language", SearchMode.English).Select(r => r.Headword).Order(), b.Search("language", SearchMode.English).Select(r => r.Headword).Order());
        Assert.Equal(a.Search("dictionary", SearchMode.English).Select(r => r.Headword).Take(2), b.Search("dictionary", SearchMode.English).Select(r => r.Headword).Take(2));
    }

    [PostgresFact]
    public void AFailedImportLeavesTheDatabaseAsItWasAndImportsAreIdempotent()
    {
        using var pg = LexiconStore.Open(Pg, create: true);
        Fill(pg);
        string before = Json(w => LexiconJsonWriter.WriteStats(w, pg.Stats()));
        Fill(pg);
        Assert.Equal(before, Json(w => LexiconJsonWriter.WriteStats(w, pg.Stats())));

        IEnumerable<LexiconEntry> Broken()
        {
            yield return new LexiconEntry("ಹೊಸಪದ") { Senses = [new Sense("noun", "new word", "", "", new Provenance("broken", "CC0"))] };
            throw new LexiconImportException("broken.csv", "line 2", "expected 3 columns");
        }

        Assert.Throws<LexiconImportException>(() => pg.Import(new Provenance("broken", "CC0"), Broken()));
        Assert.Equal(before, Json(w => LexiconJsonWriter.WriteStats(w, pg.Stats())));
        Assert.Null(pg.Get("ಹೊಸಪದ"));

        // Atomically: several imports land together or not at all.
        Assert.Throws<LexiconImportException>(() => pg.Atomically(() =>
        {
            pg.Import(new Provenance("first", "CC0"), [new LexiconEntry("ಮೊದಲಪದ")]);
            pg.Import(new Provenance("broken", "CC0"), Broken());
        }));
        Assert.Null(pg.Get("ಮೊದಲಪದ"));
        Assert.Equal(before, Json(w => LexiconJsonWriter.WriteStats(w, pg.Stats())));
    }

    [PostgresFact]
    public void TheReviewQueueWorksOnTheServer()
    {
        using var pg = LexiconStore.Open(Pg, create: true);
        Fill(pg);
        var review = new LexiconReview(pg);
        var p = review.Submit(new ProposalDraft("ಶಾಲೆ", ProposalKind.NativeEquivalent, "ಕಲಿಮನೆ", "", "ರಮೇಶ"));
        Assert.DoesNotContain(pg.Get("ಶಾಲೆ")!.Relations, r => r.Target == "ಕಲಿಮನೆ");
        review.Accept(p.Id);
        Assert.Equal($"proposal #{p.Id} by ರಮೇಶ", Assert.Single(pg.Get("ಶಾಲೆ")!.Relations, r => r.Target == "ಕಲಿಮನೆ").Source.Reference);
        Assert.Equal("proposal #1: already accepted", Assert.Throws<ReviewException>(() => review.Reject(1)).Message);
    }

    [PostgresFact]
    public void ADatabaseWithoutALexiconIsNotOpenedUnlessAsked()
    {
        var e = Assert.Throws<LexiconStoreException>(() => LexiconStore.Open(Pg));
        Assert.Contains("no lexicon in this database; build one with 'kannadakit lexicon build --out postgres://", e.Message);
        using (var created = LexiconStore.Open(Pg, create: true))
            Assert.Equal(0, created.Stats().Headwords);
        using var again = LexiconStore.Open(Pg);
        Assert.Equal(0, again.Stats().Headwords);
    }

    [Fact]
    public void AnUnreachableServerIsOneLineWithoutThePassword()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        var e = Assert.Throws<LexiconStoreException>(() => LexiconStore.Open("postgres://lex:s3cret@127.0.0.1:1/lexicon", create: true));
        Assert.StartsWith("postgres://lex@127.0.0.1:1/lexicon: ", e.Message);
        Assert.DoesNotContain("s3cret", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.True(LexiconStore.IsServerLocation("Host=db.example;Database=lex"));
        Assert.True(LexiconStore.IsServerLocation("postgresql://db/lex"));
        Assert.False(LexiconStore.IsServerLocation("lex.db"));
        Assert.Equal("postgres://lex@db.example:5432/lexicon", LexiconStore.DisplayName("postgres://lex:s3cret@db.example/lexicon"));
        Assert.Equal("postgres://lex@db.example:5433/lexicon", LexiconStore.DisplayName("Host=db.example;Port=5433;Username=lex;Password=s3cret;Database=lexicon"));
        Assert.Equal("lex.db", LexiconStore.DisplayName("lex.db"));
    }
}
