using KannadaKit.Generation;
using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Store;
using KannadaKit.Lexicon.Suggestions;
using KannadaKit.Testing;
using KannadaKit.Testing.Onnx;

namespace KannadaKit.Lexicon.Tests;

/// <summary>The model rival on generated tiny models (no weights can be downloaded here; the loading code is the real one).</summary>
public sealed class ModelRivalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static LexiconEntry School => new("ಶಾಲೆ") { Senses = [new Sense("noun", "school", "", "", new Provenance("t", "CC0"))] };

    [Fact]
    public void ThePromptGivesTheMeaningAndEndsWithTheHeadword()
    {
        string prompt = ModelRival.Prompt(School);
        Assert.Contains("meaning: school\n", prompt);
        Assert.EndsWith("word: ಶಾಲೆ", prompt);
        Assert.DoesNotContain("meaning:", ModelRival.Prompt(new LexiconEntry("ಶಾಲೆ")));
    }

    [Fact]
    public void OnlyRunsOfKannadaLettersAreCandidates()
    {
        Assert.Equal(["ಕಲಿಮನೆ", "ಓದುಮನೆ", "ಕನ್\u200Cನಡ"], ModelRival.KannadaWords("1. ಕಲಿಮನೆ,ಓದುಮನೆ. school ೧೨೩ ಕನ್\u200Cನಡ ಾ"));
        string runOn = new('ಕ', ModelRival.MaxWordLength + 1);
        Assert.Empty(ModelRival.KannadaWords(runOn));
        // NFD input comes out NFC.
        Assert.Equal(["ಕೊಡೆ"], ModelRival.KannadaWords("ಕೊಡೆ".Normalize(System.Text.NormalizationForm.FormD)));
    }

    [OnnxRuntimeTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void ADecoderOnlyModelProposesItsKannadaWordsBestBeamFirst(bool chat)
    {
        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, NativeWordModels.DecoderOnly(_dir.File("tiny-native"), chat));
        var rival = new ModelRival(model);
        Assert.Equal("model:tiny-native", rival.Name);
        var proposals = rival.Propose(School).ToList();
        Assert.Equal(["ಕಲಿಮನೆ", "ಓದುಮನೆ"], proposals.Select(p => p.Word));
        Assert.True(proposals[0].Score > proposals[1].Score);
        Assert.All(proposals, p => Assert.Equal("model:tiny-native", p.Rival));
        Assert.StartsWith("the model's answer (beam 1 of 3, log-prob ", proposals[0].Reason);
        Assert.Contains("in 2 of 3 beams", proposals[1].Reason);
        // Another word, another answer; a word the model knows nothing of, nothing.
        Assert.Equal(["ಹೊತ್ತಗೆ"], rival.Propose(new LexiconEntry("ಪುಸ್ತಕ")).Select(p => p.Word));
        Assert.Empty(rival.Propose(new LexiconEntry("ಬಸ್")));
    }

    [OnnxRuntimeFact]
    public void AnEncoderDecoderModelWorksTheSameWay()
    {
        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, NativeWordModels.EncoderDecoder(_dir.File("tiny-t5")));
        Assert.Equal(ModelKind.EncoderDecoder, model.Kind);
        Assert.Equal(["ಕಲಿಮನೆ", "ಓದುಮನೆ"], new ModelRival(model).Propose(School).Select(p => p.Word));
    }

    [OnnxRuntimeFact]
    public void TheJudgeWeighsTheModelLikeAnyRival()
    {
        using var store = LexiconStore.Open(_dir.File("lex.db"), create: true);
        var sample = SourceFile.Open(Path.Combine(SharedData.RepoRoot, "corpora", "lexicon", "kn-sample-entries.csv"), licence: "CC0");
        store.Import(sample.Source, sample.Entries());
        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, NativeWordModels.DecoderOnly(_dir.File("tiny-native")));
        var suggester = NativeSuggester.WithLexiconRivals(store, new ModelRival(model));
        var book = suggester.Suggest(store.Get("ಪುಸ್ತಕ")!);
        Assert.Contains("model:tiny-native", book.RivalsHeard);
        // The model says ಹೊತ್ತಗೆ; the lexicon knows it as tadbhava, so the judge marks it down and says why.
        var top = book.Suggestions[0];
        Assert.Equal("ಹೊತ್ತಗೆ", top.Word);
        Assert.Equal("model:tiny-native", Assert.Single(top.Proposals).Rival);
        Assert.Contains("attested, but its origin is tadbhava", top.Evidence);
        Assert.True(top.Score < top.Proposals[0].Score);
        var school = suggester.Suggest(store.Get("ಶಾಲೆ")!);
        Assert.Equal(["ಕಲಿಮನೆ", "ಓದುಮನೆ"], school.Suggestions.Take(2).Select(x => x.Word));
        Assert.Contains("a new coinage: not in the lexicon", school.Suggestions[0].Evidence);
    }

    [OnnxRuntimeFact]
    public void AModelWithoutATokenizerIsRefused()
    {
        string folder = NativeWordModels.DecoderOnly(_dir.File("no-tokenizer"));
        File.Delete(Path.Combine(folder, "tokenizer.json"));
        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, folder);
        Assert.Contains("has no tokenizer.json", Assert.Throws<ArgumentException>(() => new ModelRival(model)).Message);
    }
}
