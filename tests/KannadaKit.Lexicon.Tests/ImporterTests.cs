using ICSharpCode.SharpZipLib.BZip2;
using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;

namespace KannadaKit.Lexicon.Tests;

public class ImporterTests
{
    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static List<LexiconEntry> Read(string path, ImportFormat? format = null) => [.. SourceFile.Open(path, format).Entries()];

    internal static string Bz2(string source, string target)
    {
        using var input = File.OpenRead(source);
        using var output = File.Create(target);
        BZip2.Compress(input, output, isStreamOwner: false, level: 9);
        return target;
    }

    [Fact]
    public void EnglishWiktionaryKannadaSectionGivesEveryPart()
    {
        var entries = Read(Fixture("en-wiktionary-kannada.xml"));
        var kallu = Assert.Single(entries, e => e.Headword == "ಕಲ್ಲು");
        Assert.Equal(["stone, rock", "(figurative) a hard-hearted person"], kallu.Senses.Select(s => s.Gloss));
        Assert.All(kallu.Senses, s => Assert.Equal("noun", s.PartOfSpeech));
        var ex = Assert.Single(kallu.Examples);
        Assert.Equal(("ಕಲ್ಲು ಬಿದ್ದಿತು.", "A stone fell."), (ex.Text, ex.Translation));
        var etym = Assert.Single(kallu.Etymologies);
        Assert.Equal("From Proto-Dravidian *kal. Cognate with Tamil கல்.", etym.Text);
        Assert.Equal(["{{inh|kn|dra-pro|*kal}}", "{{cog|ta|கல்}}"], etym.Templates.Select(t => t.ToString()));
        Assert.Equal("kɐlːu", kallu.Pronunciation!.Ipa);
        Assert.Contains(kallu.Relations, r => r is { Kind: RelationKind.Synonym, Target: "ಬಂಡೆ" });
        Assert.Contains(kallu.Relations, r => r is { Kind: RelationKind.Related, Target: "ಕಲ್ಲುಮನೆ" });
        // The Tulu section's sense is not Kannada and must not leak in.
        Assert.DoesNotContain(kallu.Senses, s => s.Gloss.Contains("Tulu", StringComparison.Ordinal));
        var prov = kallu.Senses[0].Source;
        Assert.Equal("en.wiktionary", prov.Source);
        Assert.StartsWith("CC BY-SA", prov.Licence);
        Assert.Equal("https://en.wiktionary.org/w/index.php?title=%E0%B2%95%E0%B2%B2%E0%B3%8D%E0%B2%B2%E0%B3%81&oldid=5001", prov.Reference);
    }

    [Fact]
    public void TranslationTablesGiveKannadaWordsWithTheEnglishHeadwordAsGloss()
    {
        var entries = Read(Fixture("en-wiktionary-kannada.xml"));
        var bhashe = Assert.Single(entries, e => e.Headword == "ಭಾಷೆ");
        var s = Assert.Single(bhashe.Senses);
        Assert.Equal(("noun", "language", "body of words and set of methods of combining them"), (s.PartOfSpeech, s.Gloss, s.Qualifier));
        Assert.Equal("language", Assert.Single(entries, e => e.Headword == "ಮಾತು").Senses[0].Gloss);
        Assert.Equal("the ability to communicate using words", entries.Single(e => e.Headword == "ಮಾತು").Senses[0].Qualifier);
        Assert.Contains(entries, e => e.Headword == "ನುಡಿ");
        Assert.DoesNotContain(entries, e => e.Headword == "ತಪ್ಪು"); // talk pages are not articles
        Assert.DoesNotContain(entries, e => e.Headword is "मोழி" or "भाषा");
    }

    [Fact]
    public void KannadaWiktionaryHeadingsAndEnglishEquivalents()
    {
        var entries = Read(Fixture("kn-wiktionary.xml"));
        var mane = Assert.Single(entries, e => e.Headword == "ಮನೆ");
        Assert.Equal("kn.wiktionary", mane.Senses[0].Source.Source);
        Assert.Equal(("noun", "ಜನರು ವಾಸಿಸುವ ಕಟ್ಟಡ"), (mane.Senses[0].PartOfSpeech, mane.Senses[0].KannadaGloss));
        Assert.Equal(["house", "home"], mane.Senses.Skip(1).Select(s => s.Gloss));
        Assert.Equal("ನಮ್ಮ ಮನೆ ಊರಿನ ಕೊನೆಯಲ್ಲಿದೆ.", Assert.Single(mane.Examples).Text);
        var bare = Assert.Single(entries, e => e.Headword == "ಬರೆ");
        Assert.Equal("verb", bare.Senses[0].PartOfSpeech);
        Assert.Equal("write", bare.Senses[1].Gloss);
        Assert.Equal("ಗೀಚು", Assert.Single(bare.Relations).Target);
    }

    [Fact]
    public void Bzip2DumpReadsLikeThePlainOne()
    {
        using var dir = new TempDirectory();
        string bz = Bz2(Fixture("en-wiktionary-kannada.xml"), dir.File("dump.xml.bz2"));
        Assert.Equal(ImportFormat.WiktionaryDump, ImportFormats.Detect(bz));
        var plain = Read(Fixture("en-wiktionary-kannada.xml"));
        var packed = Read(bz);
        Assert.Equal(plain.Select(e => (e.Headword, e.Senses.Count, e.Examples.Count)), packed.Select(e => (e.Headword, e.Senses.Count, e.Examples.Count)));
    }

    [Fact]
    public void TruncatedBzip2IsAClearErrorAndLeavesTheLexiconUntouched()
    {
        using var dir = new TempDirectory();
        // Repeat the pages so the compressed stream spans more than one small block.
        string big = dir.File("big.xml");
        string xml = File.ReadAllText(Fixture("en-wiktionary-kannada.xml"));
        int cut = xml.LastIndexOf("</mediawiki>", StringComparison.Ordinal);
        string pages = xml[xml.IndexOf("  <page>", StringComparison.Ordinal)..cut];
        File.WriteAllText(big, xml[..cut] + string.Concat(Enumerable.Repeat(pages, 400)) + "</mediawiki>\n");
        string bz = Bz2(big, dir.File("big.xml.bz2"));
        byte[] bytes = File.ReadAllBytes(bz);
        File.WriteAllBytes(dir.File("cut.xml.bz2"), bytes[..(bytes.Length / 2)]);

        using var store = LexiconFixtures.Build(dir.File("lex.db"));
        var before = store.Stats();
        var source = SourceFile.Open(dir.File("cut.xml.bz2"));
        var e = Assert.Throws<LexiconImportException>(() => store.Import(source.Source, source.Entries()));
        Assert.StartsWith(dir.File("cut.xml.bz2") + ": ", e.Message);
        Assert.Matches("compressed byte [0-9]+: truncated or corrupt bzip2 data|malformed XML", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(before.Headwords, store.Stats().Headwords);
        Assert.Null(store.Get("ಕಲ್ಲು"));
    }

    [Theory]
    [InlineData("<mediawiki><siteinfo><dbname>enwiktionary</dbname></siteinfo><page><title>ಕಲ್ಲು</titl></page></mediawiki>", "line 1, column")]
    [InlineData("<mediawiki><page><title>ಕಲ್ಲು</title><ns>0</ns><revision><text>==Kannada==\n# stone</text></revision></page>", "malformed XML")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE mediawiki [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><mediawiki>&x;</mediawiki>", "malformed XML")]
    public void MalformedXmlIsAClearError(string xml, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.xml"), xml);
        var e = Assert.Throws<LexiconImportException>(() => Read(dir.File("bad.xml"), ImportFormat.WiktionaryDump));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith(dir.File("bad.xml") + ": ", e.Message);
        Assert.DoesNotContain("root:", e.Message); // the external entity was never resolved
    }

    [Fact]
    public void HugePageIsRefusedAndTheImportRollsBack()
    {
        using var dir = new TempDirectory();
        string text = "==Kannada==\n===Noun===\n# stone\n" + new string('x', 5000);
        File.WriteAllText(dir.File("huge.xml"), $"<mediawiki><page><title>ಕಲ್ಲು</title><ns>0</ns><revision><id>1</id><text>{text}</text></revision></page></mediawiki>");
        using var store = LexiconFixtures.Build(dir.File("lex.db"));
        var before = store.Stats();
        var source = SourceFile.Open(dir.File("huge.xml"), dump: new WiktionaryDumpOptions { MaxPageChars = 1000 });
        var e = Assert.Throws<LexiconImportException>(() => store.Import(source.Source, source.Entries()));
        Assert.Contains("page 'ಕಲ್ಲು' is over 1,000 characters", e.Message);
        Assert.Equal(before.Headwords, store.Stats().Headwords);
    }

    [Fact]
    public void KaikkiRecordsGiveKannadaEntriesAndTranslations()
    {
        Assert.Equal(ImportFormat.Kaikki, ImportFormats.Detect(Fixture("kaikki-kannada.jsonl")));
        var entries = Read(Fixture("kaikki-kannada.jsonl"));
        var kallu = entries.Single(e => e.Headword == "ಕಲ್ಲು");
        Assert.Equal("stone, rock", kallu.Senses[0].Gloss);
        Assert.Equal("A stone fell.", kallu.Examples[0].Translation);
        Assert.Equal("{{inh|kn|dra-pro|*kal}}", kallu.Etymologies[0].Templates[0].ToString());
        Assert.Equal("kɐlːu", kallu.Pronunciation!.Ipa);
        Assert.Equal(["ಕಲ್ಲುಗಳು"], kallu.Forms.Select(f => f.Form)); // canonical and romanization rows are not forms
        Assert.Equal("ಬಂಡೆ", kallu.Relations[0].Target);
        var pustaka = entries.Single(e => e.Headword == "ಪುಸ್ತಕ");
        Assert.Equal(["book", "volume; tome"], pustaka.Senses.Select(s => s.Gloss));
        Assert.Equal("formal", pustaka.Senses[1].Qualifier);
        var neeru = entries.Single(e => e.Headword == "ನೀರು");
        Assert.Equal(("water", "clear liquid H₂O"), (neeru.Senses[0].Gloss, neeru.Senses[0].Qualifier));
        Assert.Equal(3, entries.Count);
    }

    [Fact]
    public void KaikkiBadLineNamesTheLine()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(Fixture("kaikki-kannada.jsonl"));
        File.WriteAllLines(dir.File("k.jsonl"), [lines[0], lines[1][..40]]);
        var e = Assert.Throws<LexiconImportException>(() => Read(dir.File("k.jsonl")));
        Assert.Contains("k.jsonl: line 2: not a JSON object", e.Message);
    }

    [Fact]
    public void AlarYamlGivesGlossesWithOdblProvenance()
    {
        Assert.Equal(ImportFormat.AlarYaml, ImportFormats.Detect(Fixture("alar-sample.yml")));
        var entries = Read(Fixture("alar-sample.yml"));
        Assert.Equal(["ಅಂಕ", "ಮನೆ", "ಪುಸ್ತಕ"], entries.Select(e => e.Headword));
        Assert.Equal(["a mark; a sign", "a number; a figure"], entries[0].Senses.Select(s => s.Gloss));
        Assert.Equal(("alar", "ODbL 1.0"), (entries[0].Senses[0].Source.Source, entries[0].Senses[0].Source.Licence));
        Assert.Equal(OriginClass.Tatsama, entries[2].Origins.Single().Class);
        Assert.Empty(entries[1].Origins); // Alar's origin field is empty: no claim, not "unknown" as a claim
    }

    [Fact]
    public void MalformedYamlNamesTheLine()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.yml"), "- id: 1\n  entry: ಅಂಕ\n  defs: [ {id: 2, entry: \"open\n");
        var e = Assert.Throws<LexiconImportException>(() => Read(dir.File("a.yml"), ImportFormat.AlarYaml));
        Assert.Matches(@"a\.yml: line [0-9]+", e.Message);
    }

    [Fact]
    public void CsvWithQuotedFieldsAndOrigins()
    {
        Assert.Equal(ImportFormat.Csv, ImportFormats.Detect(Fixture("lexicon.csv")));
        var entries = Read(Fixture("lexicon.csv"));
        Assert.Equal(3, entries.Count);
        Assert.Equal("science, knowledge", entries[0].Senses[0].Gloss);
        Assert.Equal("ತಿಳಿವು", entries[0].Senses[0].KannadaGloss);
        Assert.Equal(OriginClass.Native, entries[0].Origins[0].Class);
        Assert.Equal("ವಿಜ್ಞಾನ ಬೆಳೆಯುತ್ತಿದೆ, ನಿಜ.", entries[1].Examples[0].Text);
        Assert.Equal(("ಅರಿಮೆ", RelationKind.NativeEquivalent), (entries[1].Relations[0].Target, entries[1].Relations[0].Kind));
        Assert.Equal("linguistics \"the science of language\"", entries[2].Senses[0].Gloss);
    }

    [Theory]
    [InlineData("headword,gloss\nಮನೆ,house,extra\n", "line 2: 3 fields where the header has 2")]
    [InlineData("headword,glos\nಮನೆ,house\n", "line 1: unknown column \"glos\"")]
    [InlineData("headword,gloss\nhouse,ಮನೆ\n", "line 2: headword \"house\" is not a Kannada word")]
    [InlineData("headword,origin\nಮನೆ,martian\n", "line 2: origin \"martian\" is not one of")]
    [InlineData("headword,gloss\nಮನೆ,\"house\n", "line 2: a quoted field is never closed")]
    public void BadCsvNamesTheLine(string csv, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("x.csv"), csv);
        var e = Assert.Throws<LexiconImportException>(() => Read(dir.File("x.csv"), ImportFormat.Csv));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void WordListAttestsWordsAndCounts()
    {
        Assert.Equal(ImportFormat.WordList, ImportFormats.Detect(Fixture("words.txt")));
        var entries = Read(Fixture("words.txt"));
        Assert.Equal(["ಕನ್ನಡ", "ಭಾಷೆ", "ಮನೆ", "ಕಲ್ಲು"], entries.Select(e => e.Headword));
        Assert.Equal("words:words", entries[0].Attestations.Single().Source);
        Assert.Equal(12, entries[2].TotalFrequency);
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("w.txt"), "ಕನ್ನಡ\nhello world\n");
        var e = Assert.Throws<LexiconImportException>(() => Read(dir.File("w.txt"), ImportFormat.WordList));
        Assert.Contains("w.txt: line 2: expected one Kannada word", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x1F, 0x8B, 8, 0 }, "gzip data")]
    [InlineData(new byte[] { 0x41, 0x00, 0x42 }, "binary data")]
    [InlineData(new byte[] { }, "empty file")]
    public void UnknownContentIsNamed(byte[] bytes, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("x.bin"), bytes);
        var e = Assert.Throws<LexiconImportException>(() => ImportFormats.Detect(dir.File("x.bin")));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void InvalidUtf8NamesTheLine()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("w.txt"), [.. "ಕನ್ನಡ\n"u8, 0xC3, 0x28, (byte)'\n']);
        var e = Assert.Throws<LexiconImportException>(() => Read(dir.File("w.txt"), ImportFormat.WordList));
        Assert.Contains("w.txt: line 2: invalid UTF-8", e.Message);
    }

    [Fact]
    public void ImportedDumpIsSearchableAndIdempotent()
    {
        using var dir = new TempDirectory();
        using var store = LexiconStore.Open(dir.File("lex.db"), create: true);
        var source = SourceFile.Open(Fixture("en-wiktionary-kannada.xml"));
        store.Import(source.Source, source.Entries());
        var first = store.Stats();
        store.Import(source.Source, source.Entries());
        Assert.Equal(first.Headwords, store.Stats().Headwords);
        Assert.Equal(first.Senses, store.Stats().Senses);
        var s = new Search.LexiconSearcher(store);
        Assert.Equal("ಭಾಷೆ", s.Search("language")[0].Headword);
        // The template decides ಕಲ್ಲು's origin; the spelling decides ಭಾಷೆ's.
        Assert.Equal(OriginClass.Native, store.Get("ಕಲ್ಲು")!.BestOrigin!.Class);
        Assert.Equal(OriginClass.Tatsama, store.Get("ಧರ್ಮ")!.BestOrigin!.Class);
        // Wikitext's HTML tags are markup, not content: the gloss keeps the words only.
        Assert.Equal("religion alert(1)", store.Get("ಧರ್ಮ")!.Senses[1].Gloss);
    }
}
