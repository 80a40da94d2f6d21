using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Store;
using KannadaKit.Lexicon.Suggestions;
using KannadaKit.Testing;

namespace KannadaKit.Lexicon.Tests;

public sealed class NativeSuggesterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The repository's sample without the answers: the coinages and every native-equivalent link removed.</summary>
    private LexiconStore SampleWithout(params string[] hidden)
    {
        var source = SourceFile.Open(Path.Combine(SharedData.RepoRoot, "corpora", "lexicon", "kn-sample-entries.csv"));
        var entries = source.Entries().Where(e => !hidden.Contains(e.Headword))
            .Select(e => e with { Relations = [.. e.Relations.Where(r => r.Kind != RelationKind.NativeEquivalent)] }).ToList();
        var store = LexiconStore.Open(_dir.File("lex.db"), create: true);
        store.Import(source.Source, entries);
        return store;
    }

    private static NativeSuggester Suggester(LexiconStore store, params IRival[] more) => NativeSuggester.WithLexiconRivals(store, more);

    [Fact]
    public void BhatsPatternCoinsNudiyarimeForBhashashastra()
    {
        using var store = SampleWithout("ನುಡಿಯರಿಮೆ");
        var report = Suggester(store).Suggest(store.Get("ಭಾಷಾಶಾಸ್ತ್ರ")!);
        var best = report.Suggestions[0];
        Assert.Equal("ನುಡಿಯರಿಮೆ", best.Word);
        var p = Assert.Single(best.Proposals);
        Assert.Equal("bhat-pattern", p.Rival);
        Assert.Contains("ಭಾಷೆ \"language\" ≈ native ನುಡಿ", p.Reason);
        Assert.Contains("a new coinage: not in the lexicon", best.Evidence);
        Assert.Contains("native phonotactics", best.Evidence);
    }

    [Fact]
    public void CompoundsOfAttestedNativeWords()
    {
        using var store = SampleWithout("ಉರಿಬೆಟ್ಟ");
        var report = Suggester(store).Suggest(store.Get("ಜ್ವಾಲಾಮುಖಿ")!);
        Assert.Equal("ಉರಿಬೆಟ್ಟ", report.Suggestions[0].Word);
        Assert.Equal("compound", report.Suggestions[0].Proposals[0].Rival);
        Assert.Equal("ಉರಿಬೆಟ್ಟ", report.TopPicks["compound"]);
    }

    [Fact]
    public void AgreementAndAttestationLiftACandidate()
    {
        using var store = SampleWithout();
        var report = Suggester(store).Suggest(store.Get("ಜ್ವಾಲಾಮುಖಿ")!);
        var best = report.Suggestions[0];
        Assert.Equal("ಉರಿಬೆಟ್ಟ", best.Word);
        Assert.Equal(["compound", "gloss-synonym"], best.Proposals.Select(p => p.Rival).Order());
        Assert.Contains("2 independent rivals agree", best.Evidence);
        Assert.Contains(best.Evidence, e => e.StartsWith("attested in the lexicon as native", StringComparison.Ordinal));
    }

    [Fact]
    public void SuggestionsAreNeverWrittenToTheLexicon()
    {
        using var store = SampleWithout("ನುಡಿಯರಿಮೆ");
        var before = store.Stats();
        Suggester(store).Suggest(store.Get("ಭಾಷಾಶಾಸ್ತ್ರ")!);
        Assert.Equal(before.Headwords, store.Stats().Headwords);
        Assert.Null(store.Get("ನುಡಿಯರಿಮೆ"));
    }

    [Fact]
    public void CorpusRivalFindsWordsUsedInTheSameContextsAndTheJudgeShowsDisagreement()
    {
        using var store = SampleWithout();
        // ಭಾಷೆ and ನುಡಿ share their neighbours; ಮರ does not.
        string[] corpus =
        [
            "ಅವನು ಹೊಸ ಭಾಷೆ ಕಲಿತನು ಎಂದು ಹೇಳಿದರು", "ಅವನು ಹೊಸ ನುಡಿ ಕಲಿತನು ಎಂದು ಹೇಳಿದರು", "ನಮ್ಮ ಭಾಷೆ ಚೆಂದ", "ನಮ್ಮ ನುಡಿ ಚೆಂದ",
            "ಅವಳು ಹೊಸ ಭಾಷೆ ಕಲಿತಳು", "ಅವಳು ಹೊಸ ನುಡಿ ಕಲಿತಳು", "ಊರಿನ ಮರ ಬಿದ್ದಿತು", "ದೊಡ್ಡ ಮರ ಬಿದ್ದಿತು",
        ];
        var rival = new CorpusContextRival(store, corpus, ["ಭಾಷೆ"], minNativeFrequency: 0);
        var proposals = rival.Propose(store.Get("ಭಾಷೆ")!).ToList();
        Assert.Equal("ನುಡಿ", proposals[0].Word);
        Assert.DoesNotContain(proposals, p => p.Word == "ಮರ");
        var report = Suggester(store, rival).Suggest(store.Get("ಭಾಷೆ")!);
        Assert.Equal("ನುಡಿ", report.Suggestions[0].Word);
        Assert.Contains(report.Suggestions[0].Proposals, p => p.Rival == "corpus-context");
        Assert.Contains("corpus-context", report.RivalsHeard);
    }

    [Theory]
    [InlineData("ನುಡಿ", "ಅರಿಮೆ", "ನುಡಿಯರಿಮೆ")]
    [InlineData("ಸೊಲ್ಲು", "ಅರಿಮೆ", "ಸೊಲ್ಲರಿಮೆ")]
    [InlineData("ಮನೆ", "ಅರಿಗ", "ಮನೆಯರಿಗ")]
    [InlineData("ಉರಿ", "ಬೆಟ್ಟ", "ಉರಿಬೆಟ್ಟ")]
    [InlineData("ಕಲಿ", "ಮನೆ", "ಕಲಿಮನೆ")]
    [InlineData("ಮರ", "ಅರಿಮೆ", "ಮರವರಿಮೆ")]
    public void SandhiJoinsAsKannadaSpellingDoes(string root, string part, string joined) =>
        Assert.Equal(joined, Sandhi.Join(root, part));
}
