using KannadaKit.Tokenizers.Training;

using KannadaKit.Testing;

namespace KannadaKit.Tokenizers.Tests;

/// <summary>Trainers on our own sentences: the files load, round-trip, and keep aksharas whole when asked.</summary>
public class TrainerTests
{
    private static readonly string[] Corpus = Enumerable.Repeat(File.ReadAllLines(Path.Combine(Fixture.Dir, "sentences.txt")), 3)
        .SelectMany(x => x).ToArray();

    [Theory]
    [InlineData(TokenizerKind.ByteLevelBpe)]
    [InlineData(TokenizerKind.Bpe)]
    [InlineData(TokenizerKind.WordPiece)]
    [InlineData(TokenizerKind.Unigram)]
    public void TrainedTokenizerLoadsAndHasTheRequestedSize(TokenizerKind kind)
    {
        var json = TokenizerTrainer.Train(Corpus, new TrainerOptions { Kind = kind, VocabSize = 600, MinFrequency = 2 });
        var tokenizer = HfTokenizer.FromJson(json, kind.ToString());
        Assert.InRange(tokenizer.VocabularySize, 300, 600);
        Assert.NotEmpty(tokenizer.EncodeToIds("ಕನ್ನಡ ಭಾಷೆ"));
    }

    [Theory]
    [InlineData(TokenizerKind.ByteLevelBpe)]
    [InlineData(TokenizerKind.Bpe)]
    [InlineData(TokenizerKind.Unigram)]
    public void TrainedTokenizerRoundTripsNfcText(TokenizerKind kind)
    {
        var tokenizer = HfTokenizer.FromJson(TokenizerTrainer.Train(Corpus, new TrainerOptions { Kind = kind, VocabSize = 800 }));
        foreach (var line in Corpus.Distinct().Where(l => l.Length > 0))
        {
            var nfc = line.Normalize(System.Text.NormalizationForm.FormC);
            // Special tokens written in the text ("<s>") are recognised as such, so keep them when decoding.
            Assert.Equal(nfc, tokenizer.Decode(tokenizer.EncodeToIds(line), skipSpecialTokens: false));
        }
    }

    [Fact]
    public void AksharaFirstMergesKeepTrainedAksharasWhole()
    {
        var kept = HfTokenizer.FromJson(TokenizerTrainer.Train(Corpus, new TrainerOptions { Kind = TokenizerKind.Bpe, VocabSize = 1500 }));
        var keptStats = new TokenizerStatistics();
        foreach (var line in Corpus.Distinct())
        {
            var nfc = line.Normalize(System.Text.NormalizationForm.FormC);
            keptStats.Add(kept, nfc);
        }

        Assert.True(keptStats.SplitAksharaRate < 0.01, $"{keptStats.SplitAksharaRate:P2} of aksharas split");
    }

    [SharedDataFact(KannadaKit.Testing.Corpora.Wiki5MB, KannadaKit.Testing.Corpora.FloresKn)]
    public void OnHeldOutTextAksharaFirstMergesSplitFarFewerAksharas()
    {
        var corpus = File.ReadLines(KannadaKit.Testing.SharedData.PathOf(KannadaKit.Testing.Corpora.Wiki5MB)).Take(6000).ToList();
        var flores = File.ReadAllLines(KannadaKit.Testing.SharedData.PathOf(KannadaKit.Testing.Corpora.FloresKn));
        double Rate(bool keep)
        {
            var t = HfTokenizer.FromJson(TokenizerTrainer.Train(corpus, new TrainerOptions { Kind = TokenizerKind.ByteLevelBpe, VocabSize = 8000, KeepAksharas = keep }));
            var stats = new TokenizerStatistics();
            foreach (var line in flores)
            {
                stats.Add(t, line);
            }

            return stats.SplitAksharaRate;
        }

        var kept = Rate(true);
        var free = Rate(false);
        Assert.True(kept < 0.03, $"kept: {kept:P2} of aksharas split");
        Assert.True(free > 3 * kept, $"free {free:P2} vs kept {kept:P2}");
    }

    [Fact]
    public void MarksStayWithTheirLettersInPreTokens()
    {
        var tokenizer = HfTokenizer.FromJson(TokenizerTrainer.Train(Corpus, new TrainerOptions { Kind = TokenizerKind.ByteLevelBpe, VocabSize = 400 }));
        var pieces = new List<string>();
        tokenizer.PreTokenize("ನಮಸ್ಕಾರ, ಕರ್ನಾಟಕ ೧೨೩ (ಕ)", pieces);
        Assert.Equal(["ನಮಸ್ಕಾರ,", " ಕರ್ನಾಟಕ", " ", "೧೨೩", " (", "ಕ", ")"], pieces.Select(FromByteLevel));
    }

    private static string FromByteLevel(string s) => System.Text.Encoding.UTF8.GetString(s.Select(c => Pipeline.ByteLevelAlphabet.TryGetByte(c, out var b) ? b : (byte)'?').ToArray());
}
