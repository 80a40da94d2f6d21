using KannadaKit.Testing;
using KannadaKit.Text.Transliteration.Romanized;

namespace KannadaKit.Text.Tests.Transliteration;

public class RomanizedDecoderTests
{
    // Hand-written pairs (ours, not from any dataset): several spellings per word, as people type them.
    private static readonly (string, string, int)[] s_pairs =
    [
        ("ಕನ್ನಡ", "kannada", 5), ("ಕನ್ನಡ", "kannda", 1), ("ನಾಡು", "naadu", 3), ("ನಾಡು", "nadu", 4),
        ("ಬೆಂಗಳೂರು", "bengaluru", 5), ("ಬೆಂಗಳೂರು", "bengalooru", 2), ("ಮನೆ", "mane", 5), ("ಮರ", "mara", 4),
        ("ನೀರು", "neeru", 4), ("ನೀರು", "niru", 2), ("ಹಾಲು", "haalu", 3), ("ಹಾಲು", "halu", 3), ("ಊರು", "ooru", 4),
        ("ಊರು", "uru", 2), ("ಶಾಲೆ", "shaale", 3), ("ಶಾಲೆ", "shale", 3), ("ಕಥೆ", "kathe", 4), ("ಕಾಡು", "kaadu", 3),
        ("ಕಾಡು", "kadu", 3), ("ದಿನ", "dina", 5), ("ಇದು", "idu", 5), ("ಅದು", "adu", 5), ("ಎಲ್ಲಿ", "elli", 5),
        ("ಇಲ್ಲಿ", "illi", 5), ("ಮಾತು", "maatu", 3), ("ಮಾತು", "mathu", 3), ("ಪುಸ್ತಕ", "pustaka", 4),
        ("ಪುಸ್ತಕ", "pusthaka", 3), ("ಅಮ್ಮ", "amma", 5), ("ಅಪ್ಪ", "appa", 5), ("ತಿಂಡಿ", "tindi", 4),
        ("ತಿಂಡಿ", "thindi", 3), ("ಚೆನ್ನಾಗಿ", "chennagi", 5), ("ಚೆನ್ನಾಗಿ", "chennaagi", 2), ("ಹೆಸರು", "hesaru", 5),
        ("ಗೆಳೆಯ", "geleya", 4), ("ಮಳೆ", "male", 4), ("ಬಸ್", "bus", 4), ("ರಾಜ್ಯ", "rajya", 4), ("ರಾಜ್ಯ", "raajya", 2),
    ];

    private static readonly (string, int)[] s_words =
    [
        ("ಕನ್ನಡ", 50), ("ನಾಡು", 20), ("ಬೆಂಗಳೂರು", 30), ("ಮನೆ", 25), ("ನೀರು", 15), ("ಶಾಲೆ", 10), ("ಕಥೆ", 10),
        ("ಕನ್ನಡದ", 12), ("ಮನೆಯಲ್ಲಿ", 8), ("ಶಾಲೆಯಲ್ಲಿ", 6), ("ನಾಡಿನ", 5), ("ಬೆಂಗಳೂರಿನ", 9), ("ರಾಜ್ಯದ", 7),
    ];

    private static readonly Lazy<RomanizedModel> s_model = new(() => RomanizedModel.Train(s_pairs, s_words));

    /// <summary>The tiny model the decoder tests use, trained once.</summary>
    internal static RomanizedModel TinyModel => s_model.Value;

    [Theory]
    [InlineData("kannada", "ಕನ್ನಡ")]
    [InlineData("KANNADA", "ಕನ್ನಡ")]
    [InlineData("bengaluru", "ಬೆಂಗಳೂರು")]
    [InlineData("mane", "ಮನೆ")]
    [InlineData("maneyalli", "ಮನೆಯಲ್ಲಿ")] // not a training pair: read through the spelling model and the word list
    [InlineData("kannadada", "ಕನ್ನಡದ")]
    [InlineData("bus", "ಬಸ್")]
    public void Decode_TinyModel_ReadsWordsBestFirst(string roman, string kannada)
    {
        var decoder = new RomanizedDecoder(s_model.Value);
        var candidates = decoder.Decode(roman, 5);
        Assert.NotEmpty(candidates);
        Assert.Equal(kannada, candidates[0].Kannada);
        Assert.True(candidates.Zip(candidates.Skip(1)).All(p => p.First.Score >= p.Second.Score), "ranked best first");
        Assert.Equal(candidates.Count, candidates.Select(c => c.Kannada).Distinct().Count());
    }

    [Fact]
    public void Decode_NonLetters_GiveNoCandidates()
    {
        var decoder = new RomanizedDecoder(s_model.Value);
        Assert.Empty(decoder.Decode("123", 5));
        Assert.Empty(decoder.Decode("", 5));
    }

    [Fact]
    public void DecodeLine_KeepsSpacesPunctuationAndDigits()
    {
        var decoder = new RomanizedDecoder(s_model.Value);
        Assert.Equal("ಕನ್ನಡ ನಾಡು, 2024!", decoder.DecodeLine("Kannada naadu, 2024!"));
    }

    [Fact]
    public void SaveLoad_GivesTheSameCandidates()
    {
        var buffer = new MemoryStream();
        s_model.Value.Save(buffer);
        buffer.Position = 0;
        var loaded = RomanizedModel.Load(buffer);
        var a = new RomanizedDecoder(s_model.Value);
        var b = new RomanizedDecoder(loaded);
        foreach (string w in new[] { "kannada", "shaleyalli", "neeru", "mathu", "xyz" })
            Assert.Equal(a.Decode(w, 5), b.Decode(w, 5));
        Assert.Equal(s_model.Value.LexiconSize, loaded.LexiconSize);
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => RomanizedModel.Load(new MemoryStream("hello, world"u8.ToArray())));
        var buffer = new MemoryStream();
        s_model.Value.Save(buffer);
        Assert.Throws<InvalidDataException>(() => RomanizedModel.Load(new MemoryStream(buffer.ToArray()[..100])));
    }

    [Fact]
    public void ReadPairs_BadLine_NamesFileAndLine()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "ಕನ್ನಡ\tkannada\t3\nಮನೆ mane\n");
            var e = Assert.Throws<FormatException>(() => RomanizedTrainingData.ReadPairs(path));
            Assert.StartsWith($"{path}:2:", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SharedDataFact(Corpora.TranslitTrain, Corpora.TranslitDev, Corpora.Wiki5MB, Corpora.RomanizedDevRoman, Corpora.RomanizedDevNative)]
    public void Dakshina_DevAccuracyAndSentenceCer_MeetTheTargets()
    {
        var model = RomanizedEval.Train();
        var decoder = new RomanizedDecoder(model);
        var acc = RomanizedEval.WordAccuracy(r => decoder.Decode(r, 5).Select(c => c.Kannada).ToList(), RomanizedEval.DevPairs());
        Assert.True(acc.Top1 >= 0.60, $"top-1 {acc.Top1:F3}");
        Assert.True(acc.Top5 >= 0.85, $"top-5 {acc.Top5:F3}");
        // Measured 0.042 over all 5,000 lines; the first 1,000 keep the test quick.
        double cer = RomanizedEval.SentenceCer(decoder.DecodeLine, 1000);
        Assert.True(cer <= 0.08, $"sentence CER {cer:F3}");
    }
}
