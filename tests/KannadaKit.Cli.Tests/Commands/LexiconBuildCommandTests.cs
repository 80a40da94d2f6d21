using System.Security.Cryptography;
using System.Text.Json;
using KannadaKit.Testing;

namespace KannadaKit.Cli.Tests.Commands;

public sealed class LexiconBuildCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Fixture(string name) => Path.Combine(SharedData.RepoRoot, "tests", "KannadaKit.Lexicon.Tests", "Fixtures", name);

    private static string Repo(string relative) => Path.Combine(SharedData.RepoRoot, relative);

    private string BuildSample()
    {
        string db = _cli.PathOf("lex.db");
        var r = _cli.Run("", "lexicon", "build", "--out", db,
            "--wiktionary", Fixture("en-wiktionary-kannada.xml"), "--kaikki", Fixture("kaikki-kannada.jsonl"),
            "--alar", Fixture("alar-sample.yml"), "--csv", Repo("corpora/lexicon/kn-sample-entries.csv"),
            "--words", Fixture("words.txt"), "--corpus", Repo("corpora/samples/kn-news-sample.txt"), "--licence", "CC0");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return db;
    }

    [Fact]
    public void BuildReportsEachSourceAndSearchFindsWhatTheIssueAsks()
    {
        string db = BuildSample();
        var stats = JsonDocument.Parse(_cli.Run("", "lexicon", "stats", "--db", db, "--json").Text).RootElement;
        Assert.True(stats.GetProperty("headwords").GetInt64() >= 90);
        Assert.True(stats.GetProperty("with_origin").GetInt64() >= 70);
        Assert.True(stats.GetProperty("with_example").GetInt64() >= 60);
        Assert.Equal(JsonValueKind.Object, stats.GetProperty("by_source").ValueKind);

        var latin = JsonDocument.Parse(_cli.Run("", "lexicon", "search", "kannada", "--db", db, "--json").Text).RootElement;
        Assert.Equal("ಕನ್ನಡ", latin[0].GetProperty("headword").GetString());
        Assert.NotEmpty(latin[0].GetProperty("reason").GetString()!);
        Assert.True(latin[0].GetProperty("score").GetDouble() > 0);
        var english = JsonDocument.Parse(_cli.Run("", "lexicon", "search", "language", "--db", db, "--json", "--mode", "english").Text).RootElement;
        Assert.Equal("ಭಾಷೆ", english[0].GetProperty("headword").GetString());
        var form = _cli.Run("", "lexicon", "search", "ಮನೆಯಲ್ಲಿ", "--db", db);
        Assert.StartsWith("ಮನೆ\t", form.Text);
        Assert.Contains("locative of ಮನೆ", form.Text.Split('\n')[0]);
    }

    [Fact]
    public void ShowPrintsTheEntryWithOriginTablesAndSources()
    {
        string db = BuildSample();
        var r = _cli.Run("", "lexicon", "show", "ವಿಜ್ಞಾನ", "--db", db);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Origin: tatsama (ತತ್ಸಮ)", r.Text);
        Assert.Contains("native equivalent: ಅರಿಮೆ", r.Text);
        Assert.Contains("Sources: ", r.Text);
        var mane = _cli.Run("", "lexicon", "show", "ಮನೆಯಲ್ಲಿ", "--db", db);
        Assert.StartsWith("ಮನೆ", mane.Text);
        Assert.Contains("ಮನೆಯಲ್ಲಿ: showing ಮನೆ", mane.Stderr);
        Assert.Contains("locative", mane.Text);
        var json = JsonDocument.Parse(_cli.Run("", "lexicon", "show", "ಕಲ್ಲು", "--db", db, "--json").Text).RootElement;
        Assert.Equal("ಕಲ್ಲು", json.GetProperty("headword").GetString());
        Assert.Equal("native", json.GetProperty("origin").GetProperty("class").GetString());
        Assert.Contains(json.GetProperty("senses").EnumerateArray(), s => s.GetProperty("source").GetProperty("name").GetString() == "kaikki");
        Assert.Contains(json.GetProperty("inflection_tables")[0].GetProperty("forms").EnumerateArray(), f => f.GetProperty("form").GetString() == "ಕಲ್ಲನ್ನು");
        var missing = _cli.Run("", "lexicon", "show", "../../etc/passwd", "--db", db);
        missing.AssertOneLineError("no entry for \"../../etc/passwd\"");
    }

    [Fact]
    public void FailedBuildLeavesTheExistingLexiconByteForByteAndNoTemps()
    {
        string db = BuildSample();
        byte[] before = SHA256.HashData(File.ReadAllBytes(db));
        string bad = _cli.Write("bad.csv", "headword,gloss\nಮನೆ,house\nನೀರು,water,extra\n");
        var r = _cli.Run("", "lexicon", "build", "--out", db, "--words", Fixture("words.txt"), "--csv", bad);
        r.AssertOneLineError("bad.csv: line 3: 3 fields where the header has 2");
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(db)));
        Assert.Equal(["lex.db"], Directory.GetFiles(_cli.Directory, "*lex.db*").Select(Path.GetFileName));
    }

    [Fact]
    public void ImportIsTransactionalAndIdempotent()
    {
        string db = BuildSample();
        string Stats() => _cli.Run("", "lexicon", "stats", "--db", db, "--json").Text;
        string before = Stats();
        var again = _cli.Run("", "lexicon", "import", Fixture("kaikki-kannada.jsonl"), "--db", db);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("kaikki, 3 records, 0 new headwords", again.Stderr);
        Assert.Equal(before, Stats());
        var lines = File.ReadAllLines(Fixture("kaikki-kannada.jsonl"));
        string truncated = _cli.Write("cut.jsonl", lines[0] + "\n" + lines[1][..40] + "\n");
        _cli.Run("", "lexicon", "import", truncated, "--db", db).AssertOneLineError("cut.jsonl: line 2: not a JSON object");
        Assert.Equal(before, Stats());
    }

    [Fact]
    public void BadQueriesAndFilesAreOneLineErrors()
    {
        string db = BuildSample();
        _cli.Run("", "lexicon", "search", new string('a', 101), "--db", db).AssertOneLineError("at most 100");
        _cli.Run("", "lexicon", "search", "x", "--db", db, "--mode", "magic").AssertOneLineError("--mode: 'magic'");
        var inject = _cli.Run("", "lexicon", "search", "'; DROP TABLE entries; --", "--db", db, "--json");
        Assert.Equal(0, inject.ExitCode);
        Assert.Equal("[]", inject.Text.Trim());
        Assert.Contains("\"headwords\"", _cli.Run("", "lexicon", "stats", "--db", db, "--json").Text);
        _cli.Run("", "lexicon", "stats", "--db", _cli.PathOf("none.db")).AssertOneLineError("none.db: no such lexicon");
        string text = _cli.Write("notes.db", "just some notes\n");
        _cli.Run("", "lexicon", "stats", "--db", text).AssertOneLineError("notes.db: not a lexicon");
        _cli.Run("", "lexicon", "build", "--out", _cli.PathOf("x.db")).AssertOneLineError("give at least one source");
        _cli.Run("", "lexicon", "build", "--out", _cli.PathOf("x.db"), "--kaikki", _cli.PathOf("nope.jsonl")).AssertOneLineError("nope.jsonl: no such file");
        Assert.False(File.Exists(_cli.PathOf("x.db")));
    }

    [Fact]
    public void SuggestIsLabelledAndShowsEachRivalsReason()
    {
        string db = BuildSample();
        var r = _cli.Run("", "lexicon", "suggest", "ಭಾಷಾಶಾಸ್ತ್ರ", "--db", db, "--corpus", Repo("corpora/samples/kn-news-sample.txt"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("Suggested native equivalents for ಭಾಷಾಶಾಸ್ತ್ರ (suggestions, not attested facts):\n  1. ನುಡಿಯರಿಮೆ", r.Text);
        Assert.Contains("bhat-pattern: ಭಾಷಾ+ಶಾಸ್ತ್ರ", r.Text);
        var json = JsonDocument.Parse(_cli.Run("", "lexicon", "suggest", "ಜ್ವಾಲಾಮುಖಿ", "--db", db, "--json").Text).RootElement;
        Assert.Equal("suggestions", json.GetProperty("kind").GetString());
        Assert.Equal("ಉರಿಬೆಟ್ಟ", json.GetProperty("suggestions")[0].GetProperty("word").GetString());
        _cli.Run("", "lexicon", "suggest", "ಇಲ್ಲದಪದ", "--db", db).AssertOneLineError("no entry for \"ಇಲ್ಲದಪದ\"");
    }

    [Fact]
    public void ServeRefusesWhatItCannotServeInOneLine()
    {
        _cli.Run("", "lexicon", "serve", "--db", _cli.PathOf("none.db"), "--port", "0").AssertOneLineError("none.db: no such lexicon");
        string db = BuildSample();
        _cli.Run("", "lexicon", "serve", "--db", db, "--host", "example.org").AssertOneLineError("--host: 'example.org' is not an IP address");
        _cli.Run("", "lexicon", "serve", "--db", db, "--port", "70000").AssertOneLineError("--port: between 0 and 65535");
        string token = _cli.PathOf("token.txt");
        File.WriteAllText(token, "short\n");
        _cli.Run("", "lexicon", "serve", "--db", db, "--port", "0", "--review-token-file", token)
            .AssertOneLineError("token.txt: the review token has 5 characters; use at least 16");
        _cli.Run("", "lexicon", "serve", "--db", db, "--port", "0", "--review-token-file", _cli.PathOf("nope.txt"))
            .AssertOneLineError("--review-token-file: ");
    }

    [OnnxRuntimeFact]
    public void SuggestHearsATextModelAsOneMoreRival()
    {
        string db = BuildSample();
        string model = Testing.Onnx.NativeWordModels.DecoderOnly(_cli.PathOf("tiny-native"));
        var r = _cli.Run("", "lexicon", "suggest", "ಶಾಲೆ", "--db", db, "--model", model);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("model rival model:tiny-native: decoder-only model.onnx on CPU", r.Stderr);
        Assert.Contains("1. ಕಲಿಮನೆ", r.Text);
        Assert.Contains("model:tiny-native: the model's answer (beam 1 of 3", r.Text);
        var json = JsonDocument.Parse(_cli.Run("", "lexicon", "suggest", "ಶಾಲೆ", "--db", db, "--model", model, "--json").Text).RootElement;
        Assert.Equal("suggestions", json.GetProperty("kind").GetString());
        Assert.Contains("model:tiny-native", json.GetProperty("rivals").EnumerateArray().Select(x => x.GetString()));

        _cli.Run("", "lexicon", "suggest", "ಶಾಲೆ", "--db", db, "--model", _cli.PathOf("missing")).AssertOneLineError("model folder not found");
        File.Delete(Path.Combine(model, "tokenizer.json"));
        _cli.Run("", "lexicon", "suggest", "ಶಾಲೆ", "--db", db, "--model", model).AssertOneLineError("--model: ", "has no tokenizer.json");
    }

    [Testing.Postgres.PostgresFact]
    public void BuildsSearchesAndExportsAPostgresLexiconLikeAFile()
    {
        using var schema = Testing.Postgres.PostgresServer.NewSchema();
        string pg = schema.ConnectionString;
        var built = _cli.Run("", "lexicon", "build", "--out", pg, "--csv", Repo("corpora/lexicon/kn-sample-entries.csv"),
            "--corpus", Repo("corpora/samples/kn-news-sample.txt"), "--licence", "CC0");
        Assert.True(built.ExitCode == 0, built.Stderr);
        Assert.Contains("postgres://kannadakit@127.0.0.1:", built.Stderr);
        string file = _cli.PathOf("same.db");
        Assert.Equal(0, _cli.Run("", "lexicon", "build", "--out", file, "--csv", Repo("corpora/lexicon/kn-sample-entries.csv"),
            "--corpus", Repo("corpora/samples/kn-news-sample.txt"), "--licence", "CC0").ExitCode);

        foreach (var args in new[] { new[] { "search", "kannada" }, ["search", "ಮನೆಯಲ್ಲಿ"], ["show", "ವಿಜ್ಞಾನ"], ["stats"] })
        {
            var fromPg = _cli.Run("", ["lexicon", .. args, "--db", pg, "--json"]);
            Assert.True(fromPg.ExitCode == 0, fromPg.Stderr);
            Assert.Equal(_cli.Run("", ["lexicon", .. args, "--db", file, "--json"]).Text, fromPg.Text);
        }

        Assert.Equal(0, _cli.Run("", "lexicon", "export", "--db", pg, "--format", "csv", "-o", _cli.PathOf("pg.csv")).ExitCode);
        Assert.Equal(0, _cli.Run("", "lexicon", "export", "--db", file, "--format", "csv", "-o", _cli.PathOf("file.csv")).ExitCode);
        Assert.Equal(File.ReadAllText(_cli.PathOf("file.csv")), File.ReadAllText(_cli.PathOf("pg.csv")));

        // A failed build (a word list imports, then the corpus breaks on line 2) leaves the database as it was.
        string stats = _cli.Run("", "lexicon", "stats", "--db", pg, "--json").Text;
        File.WriteAllBytes(_cli.PathOf("bad.txt"), [.. "ಹೊಸ ಮಾತು ಇಲ್ಲಿ.\n"u8, 0xFF, (byte)'\n']);
        var failed = _cli.Run("", "lexicon", "build", "--out", pg, "--words", Fixture("words.txt"), "--corpus", _cli.PathOf("bad.txt"));
        Assert.NotEqual(0, failed.ExitCode);
        var lines = failed.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("words.txt: words, 4 records", lines[0]); // the word list went in…
        Assert.StartsWith("kannadakit: error: ", lines[1]);
        Assert.Contains("bad.txt: line 2: invalid UTF-8", lines[1]);
        Assert.Equal(stats, _cli.Run("", "lexicon", "stats", "--db", pg, "--json").Text); // …and came out with the rollback
        _cli.Run("", "lexicon", "stats", "--db", "postgres://nobody:pw@127.0.0.1:1/none").AssertOneLineError("postgres://nobody@127.0.0.1:1/none: ");
    }

    [Fact]
    public void ReviewListsAcceptsAndRejectsFromTheTerminal()
    {
        string db = BuildSample();
        using (var store = Lexicon.Store.LexiconStore.Open(db))
        {
            var queue = new Lexicon.Review.LexiconReview(store);
            queue.Submit(new("ಶಾಲೆ", Lexicon.Review.ProposalKind.NativeEquivalent, "ಕಲಿಮನೆ", "ಕಲಿ + ಮನೆ", "ರಮೇಶ"));
            queue.Submit(new("ಶಾಲೆ", Lexicon.Review.ProposalKind.Gloss, "spam"));
        }

        var list = _cli.Run("", "lexicon", "review", "--db", db);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(["#1\tpending\tಶಾಲೆ\tnative_equivalent\tಕಲಿಮನೆ (ರಮೇಶ)  — ಕಲಿ + ಮನೆ", "#2\tpending\tಶಾಲೆ\tgloss\tspam"], list.Text.TrimEnd('\n').Split('\n'));
        var done = _cli.Run("", "lexicon", "review", "--db", db, "--accept", "1", "--reject", "2", "--note", "checked", "--json");
        Assert.Equal(0, done.ExitCode);
        var verdicts = JsonDocument.Parse(done.Text).RootElement;
        Assert.Equal(["accepted", "rejected"], verdicts.EnumerateArray().Select(v => v.GetProperty("status").GetString()));
        Assert.Contains("native equivalent: ಕಲಿಮನೆ", _cli.Run("", "lexicon", "show", "ಶಾಲೆ", "--db", db).Text);
        _cli.Run("", "lexicon", "review", "--db", db, "--accept", "2").AssertOneLineError("proposal #2: already rejected");
        Assert.Empty(_cli.Run("", "lexicon", "review", "--db", db).Text);
    }

    [Fact]
    public void ExportsReadBackWithTheirImporters()
    {
        string db = BuildSample();
        long headwords = JsonDocument.Parse(_cli.Run("", "lexicon", "stats", "--db", db, "--json").Text).RootElement.GetProperty("headwords").GetInt64();
        foreach (var (format, file, kind) in new[] { ("kaikki", "out.jsonl", "kaikki"), ("wikitext", "out.xml", "wiktionary"), ("csv", "out.csv", "csv") })
        {
            var r = _cli.Run("", "lexicon", "export", "--db", db, "--format", format, "-o", _cli.PathOf(file));
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains($"{headwords:N0} entries as {format}", r.Stderr);
            string copy = _cli.PathOf(format + ".db");
            var back = _cli.Run("", "lexicon", "build", "--out", copy, "--" + (kind == "wiktionary" ? "wiktionary" : kind), _cli.PathOf(file));
            Assert.True(back.ExitCode == 0, back.Stderr);
            long n = JsonDocument.Parse(_cli.Run("", "lexicon", "stats", "--db", copy, "--json").Text).RootElement.GetProperty("headwords").GetInt64();
            Assert.Equal(headwords, n);
        }

        string page = File.ReadAllText(_cli.PathOf("out.xml"));
        Assert.Contains("==Kannada==", page);
        Assert.Contains("{{inh|kn|dra-pro|*kal}}", page);
        Assert.DoesNotContain("a mark; a sign", page); // Alar's ODbL glosses cannot go to Wiktionary
        _cli.Run("", "lexicon", "export", "--db", db, "--format", "pdf", "-o", _cli.PathOf("x")).AssertOneLineError("--format: 'pdf'");
    }
}
