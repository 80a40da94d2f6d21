using System.Text;
using KannadaKit.Speech.Audio;
using KannadaKit.Speech.Recognition;
using KannadaKit.Testing;
using KannadaKit.Testing.Speech;

namespace KannadaKit.Speech.Tests;

/// <summary>
/// The real Whisper.net and whisper.cpp path with a random-weight model: what it says is noise, so these tests check
/// what the recognizer owes any model: media times inside the window, text normalized, words that add up to the
/// segment, determinism, offsets, fallback, options and cancellation.
/// </summary>
public class RecognizerTests(TinyModelFixture model) : IClassFixture<TinyModelFixture>
{
    private const string Sentence = "ನಮಸ್ಕಾರ, ಬೆಂಗಳೂರಿನಲ್ಲಿ ಇಂದು ಮಳೆ ಬರುವ ಸಾಧ್ಯತೆ ಇದೆ.";

    private static float[] Speech(string text = Sentence)
    {
        using var dir = new TempDirectory();
        using var source = MediaOpener.Open(SpeechRequirements.Speak(text, dir.File("s.wav")));
        return Signal.ReadAll(source);
    }

    private static void AssertWellFormed(IReadOnlyList<RecognizedSegment> segments, TimeSpan offset, int samples)
    {
        var end = offset + TimeSpan.FromSeconds(samples / 16000.0);
        Assert.NotEmpty(segments);
        var previous = TimeSpan.MinValue;
        foreach (var s in segments)
        {
            Assert.InRange(s.Start, offset, end);
            Assert.InRange(s.End, s.Start, end);
            Assert.True(s.Start >= previous, $"segment at {s.Start} starts before the one at {previous}");
            previous = s.Start;
            Assert.NotEqual(string.Empty, s.Text);
            Assert.Equal(s.Text.Normalize(NormalizationForm.FormC), s.Text);
            Assert.Equal(s.Text.Trim(), s.Text);
            Assert.Equal(s.Text, string.Join(' ', s.Words.Select(w => w.Text)));
            foreach (var w in s.Words)
            {
                Assert.InRange(w.Start, s.Start, s.End);
                Assert.InRange(w.End, w.Start, s.End);
                Assert.InRange(w.Probability, 0f, 1f);
            }
        }
    }

    [NeedsTheory("espeak-ng")]
    [InlineData(true, 5, 5)]
    [InlineData(false, 5, 5)]
    [InlineData(true, 1, 1)]
    [InlineData(false, 0, 3)]
    public void SpeechGivesSegmentsInsideTheWindowWithNormalizedWords(bool dtw, int beam, int bestOf)
    {
        var x = Speech();
        var offset = TimeSpan.FromSeconds(10);
        using var r = WhisperRecognizer.Open(model.Path, new RecognizerOptions { Dtw = dtw, BeamSize = beam, BestOf = bestOf });
        AssertWellFormed(r.Recognize(x, offset), offset, x.Length);
    }

    [NeedsFact("espeak-ng")]
    public void TheRandomModelSpeaksKannadaFromItsVocabulary()
    {
        // The test vocabulary is bytes plus Kannada words and aksharas; whisper.cpp joins byte tokens into UTF-8,
        // and what comes back must still be whole Kannada letters (no replacement characters, no lone vowel sign).
        var x = Speech();
        using var r = WhisperRecognizer.Open(model.Path, new RecognizerOptions { BeamSize = 1, BestOf = 1 });
        string text = string.Join(' ', r.Recognize(x, TimeSpan.Zero).Select(s => s.Text));
        Assert.Contains(text, c => c is >= '\u0C80' and <= '\u0CFF');
        Assert.DoesNotContain('\uFFFD', text);
        Assert.False(char.GetUnicodeCategory(text[0]) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark,
            $"'{text}' starts with a vowel sign");
    }

    [NeedsFact("espeak-ng")]
    public void GreedyDecodingIsDeterministicAndOffsetsOnlyShiftTimes()
    {
        var x = Speech();
        var options = new RecognizerOptions { BeamSize = 1, BestOf = 1 };
        using var r = WhisperRecognizer.Open(model.Path, options);
        var a = r.Recognize(x, TimeSpan.Zero);
        var b = r.Recognize(x, TimeSpan.FromHours(1));
        Assert.Equal(a.Select(s => s.Text), b.Select(s => s.Text));
        Assert.Equal(a.Select(s => s.Start + TimeSpan.FromHours(1)), b.Select(s => s.Start));
        Assert.Equal(a.Select(s => s.End + TimeSpan.FromHours(1)), b.Select(s => s.End));
        AssertWellFormed(b, TimeSpan.FromHours(1), x.Length);
    }

    [NeedsFact("espeak-ng")]
    public void AutomaticLanguageTranslationAndPromptRun()
    {
        var x = Speech();
        using (var auto = WhisperRecognizer.Open(model.Path, new RecognizerOptions { Language = "auto", BeamSize = 1 }))
        {
            var s = auto.Recognize(x, TimeSpan.Zero);
            AssertWellFormed(s, TimeSpan.Zero, x.Length);
            Assert.All(s, seg => Assert.Matches("^[a-z]{2,3}$", seg.Language));
        }

        using (var translate = WhisperRecognizer.Open(model.Path, new RecognizerOptions { Task = RecognizerTask.Translate, BeamSize = 1 }))
        {
            AssertWellFormed(translate.Recognize(x, TimeSpan.Zero), TimeSpan.Zero, x.Length);
        }

        using var prompted = WhisperRecognizer.Open(model.Path, new RecognizerOptions { Prompt = "ಬೆಂಗಳೂರು ಹವಾಮಾನ ವರದಿ", BeamSize = 1 });
        AssertWellFormed(prompted.Recognize(x, TimeSpan.Zero), TimeSpan.Zero, x.Length);
    }

    [NeedsFact("espeak-ng")]
    public void ALoopingWindowIsDecodedAgainAtHigherTemperatures()
    {
        // A threshold no text can stay under: every step of the ladder is tried, up to temperature 1.
        var x = Speech();
        using var r = WhisperRecognizer.Open(model.Path, new RecognizerOptions { RepetitionThreshold = 0.01, BeamSize = 1 });
        var s = r.Recognize(x, TimeSpan.Zero);
        Assert.Equal(5, r.Fallbacks);
        Assert.All(s, seg => Assert.Equal(1.0f, seg.Temperature, 3));

        using var none = WhisperRecognizer.Open(model.Path, new RecognizerOptions { RepetitionThreshold = 0.01, TemperatureIncrement = 0, BeamSize = 1 });
        Assert.All(none.Recognize(x, TimeSpan.Zero), seg => Assert.Equal(0f, seg.Temperature));
        Assert.Equal(0, none.Fallbacks);
    }

    [SharedDataFact("speech/real/kannada_sample_1.wav")]
    public void RecordedKannadaSpeech()
    {
        using var source = MediaOpener.Open(SharedData.PathOf("speech/real/kannada_sample_1.wav"));
        var x = Signal.ReadAll(source);
        using var r = WhisperRecognizer.Open(model.Path);
        AssertWellFormed(r.Recognize(x, TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(3), x.Length);
    }

    [Theory]
    [InlineData(0.9f, -1.5, true)]    // likely silence, unsure text: dropped
    [InlineData(0.9f, -0.5, false)]   // likely silence but confident text (speech over music): kept
    [InlineData(0.3f, -2.5, false)]   // unsure text but no sign of silence: kept, the fallback deals with it
    [InlineData(0.61f, -1.01, true)]
    public void TheNoSpeechRuleNeedsBothSignals(float noSpeech, double averageLog, bool silence) =>
        Assert.Equal(silence, WhisperRecognizer.IsSilence(noSpeech, averageLog, new RecognizerOptions()));

    [Fact]
    public void UnderATenthOfASecondIsNothing()
    {
        using var r = WhisperRecognizer.Open(model.Path);
        Assert.Empty(r.Recognize(new float[1599], TimeSpan.Zero));
    }

    [Fact]
    public void ACancelledTokenStopsRecognition()
    {
        using var r = WhisperRecognizer.Open(model.Path, new RecognizerOptions { BeamSize = 1 });
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => r.Recognize(new float[32000], TimeSpan.Zero, cts.Token));
    }

    [Theory]
    [InlineData("kannada")]
    [InlineData("KN")]
    [InlineData("")]
    public void ALanguageThatIsNotAWhisperCodeIsRefused(string language) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WhisperRecognizer.Open(model.Path, new RecognizerOptions { Language = language }));

    [Theory]
    [InlineData(17, 1, 0f, 0)]
    [InlineData(1, 0, 0f, 0)]
    [InlineData(1, 1, 1.5f, 0)]
    [InlineData(1, 1, 0f, -1)]
    public void OutOfRangeOptionsAreRefusedBeforeTheModelLoads(int beam, int bestOf, float temperature, int threads) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WhisperRecognizer.Open("/nonexistent.bin",
            new RecognizerOptions { BeamSize = beam, BestOf = bestOf, Temperature = temperature, Threads = threads }));

    [Fact]
    public void AlignmentHeadsUseThePresetForStandardSizesAndTheTopLayersOtherwise()
    {
        var info = GgmlModelFile.Check(model.Path);
        var (preset, top) = WhisperRecognizer.AlignmentHeads(info);
        Assert.Equal(Whisper.net.WhisperAlignmentHeadsPreset.NTopMost, preset);
        Assert.Equal(1, top);
        var tiny = info with { AudioState = 384, AudioHeads = 6, AudioLayers = 4, TextState = 384, TextHeads = 6, TextLayers = 4 };
        Assert.Equal(Whisper.net.WhisperAlignmentHeadsPreset.Tiny, WhisperRecognizer.AlignmentHeads(tiny).Preset);
    }
}
