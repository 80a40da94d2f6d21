using KannadaKit.Lexicon.Search;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;
using static KannadaKit.Lexicon.Tests.LexiconFixtures;

namespace KannadaKit.Lexicon.Tests;

public sealed class LexiconSearcherTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LexiconStore _store;
    private readonly LexiconSearcher _search;

    public LexiconSearcherTests()
    {
        _store = Build(_dir.File("lex.db"));
        _search = new LexiconSearcher(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("kannada")]
    [InlineData("Kannada")]
    [InlineData("kannaDa")]
    [InlineData("kannaḍa")]
    public void LatinKannadaFindsKannadaFirst(string query)
    {
        var r = _search.Search(query);
        Assert.Equal("ಕನ್ನಡ", r[0].Headword);
        Assert.NotEmpty(r[0].Reason);
    }

    [Fact]
    public void LatinPrefixSuggestsWordsBeingTyped()
    {
        var r = _search.Search("kann");
        Assert.Contains(r.Take(5), x => x.Headword == "ಕನ್ನಡ");
        Assert.All(r.Take(4), x => Assert.StartsWith("ಕನ್ನ", x.Headword));
    }

    [Theory]
    [InlineData("ಮನೆಯಲ್ಲಿ", "ಮನೆ", "locative")]
    [InlineData("ಮನೆಗೆ", "ಮನೆ", "dative")]
    [InlineData("ಮರದಿಂದ", "ಮರ", "instrumental/ablative")]
    [InlineData("ಮಾಡುತ್ತಾನೆ", "ಮಾಡು", "present 3sg.m")]
    [InlineData("ಬರೆದನು", "ಬರೆ", "past 3sg.m")]
    [InlineData("ಹುಡುಗರಿಗೆ", "ಹುಡುಗ", "plural dative")]
    public void InflectedFormFindsItsLemma(string form, string lemma, string tag)
    {
        var r = _search.Search(form);
        Assert.Equal(lemma, r[0].Headword);
        Assert.Equal($"{tag} of {lemma}", r[0].Reason);
        Assert.Equal(SearchMode.Lemma, r[0].Mode);
    }

    [Fact]
    public void EnglishLanguageFindsBhashe()
    {
        var r = _search.Search("language");
        Assert.Equal("ಭಾಷೆ", r[0].Headword);
        Assert.Contains(r, x => x.Headword == "ನುಡಿ");
        Assert.Equal(SearchMode.English, r[0].Mode);
        Assert.Equal("ಭಾಷೆ", _search.Search("language", SearchMode.English)[0].Headword);
    }

    [Fact]
    public void ExactPrefixSubstringFuzzyEachDoWhatTheySay()
    {
        Assert.Equal(["ಮನೆ"], _search.Search("ಮನೆ", SearchMode.Exact).Select(r => r.Headword));
        var prefix = _search.Search("ಕನ್ನಡ", SearchMode.Prefix).Select(r => r.Headword).ToList();
        Assert.Equal(["ಕನ್ನಡಿಗ", "ಕನ್ನಡಿ", "ಕನ್ನಡಕ"], prefix); // by frequency; the word itself is exact, not prefix
        Assert.Equal(["ಕನ್ನಡಿಗ", "ಕನ್ನಡಿ"], _search.Search("ನ್ನಡಿ", SearchMode.Substring).Select(r => r.Headword));
        var fuzzy = _search.Search("ಪುಸ್ತಗ", SearchMode.Fuzzy);
        Assert.Equal("ಪುಸ್ತಕ", fuzzy[0].Headword);
        Assert.Equal("1 akshara from ಪುಸ್ತಗ", fuzzy[0].Reason);
        // Phonetic: a misspelling by aspiration and sibilant still finds the word.
        Assert.Equal("ಭಾರತ", _search.Search("ಬಾರತ", SearchMode.Phonetic)[0].Headword);
        Assert.Equal("ಶಾಲೆ", _search.Search("ಸಾಲೆ")[0].Headword);
    }

    [Fact]
    public void ResultsAreRankedAndCarryGlossAndOrigin()
    {
        var r = _search.Search("ಕನ್ನಡ");
        Assert.Equal("ಕನ್ನಡ", r[0].Headword);
        Assert.Equal("exact headword", r[0].Reason);
        Assert.Equal("Kannada", r[0].Gloss);
        Assert.Equal(r.OrderByDescending(x => x.Score).Select(x => x.Score), r.Select(x => x.Score));
        Assert.Equal(r.Count, r.Select(x => x.Headword).Distinct().Count());
    }

    [Theory]
    [InlineData("'; DROP TABLE entries; --")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("ಮನೆ' OR '1'='1")]
    [InlineData("language\" NEAR \"x")]
    [InlineData("*")]
    [InlineData("gloss_words MATCH 'a'")]
    [InlineData("ಕ%")]
    public void QueryTextCannotChangeTheStatement(string attack)
    {
        foreach (var mode in Enum.GetValues<SearchMode>())
        {
            var r = _search.Search(attack, mode);
            Assert.DoesNotContain(r, x => x.Mode == SearchMode.Exact);
        }

        Assert.Equal(15, _store.Stats().Headwords);
        Assert.Single(_search.Search("ಮನೆ", SearchMode.Exact));
    }

    [Fact]
    public void OversizedQueryIsRefusedWithAReason()
    {
        var e = Assert.Throws<LexiconStoreException>(() => _search.Search(new string('ಕ', LexiconSearcher.MaxQueryLength + 1)));
        Assert.Contains("at most 100", e.Message);
        Assert.Empty(_search.Search("   "));
    }
}
