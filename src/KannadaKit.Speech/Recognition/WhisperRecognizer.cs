using KannadaKit.Text.Normalization;
using Whisper.net;

namespace KannadaKit.Speech.Recognition;

/// <summary>
/// Whisper through Whisper.net (whisper.cpp) on 16 kHz mono windows: the model is checked by
/// <see cref="GgmlModelFile"/> before the native library sees it; times come back as media times clamped to the
/// window; text is normalized by <c>KannadaKit.Text</c> (never by Whisper's normalizer, which strips vowel signs);
/// a window whose text loops is decoded again at a higher temperature. The runtime is whichever Whisper.net.Runtime
/// package the app references (CPU here; add Whisper.net.Runtime.Cuda for NVIDIA GPUs). Not thread-safe.
/// </summary>
public sealed class WhisperRecognizer : IDisposable
{
    private readonly WhisperFactory _factory;
    private readonly RecognizerOptions _options;
    private readonly Dictionary<float, WhisperProcessor> _processors = [];
    private readonly IndicNormalizer _normalizer = IndicNormalizer.Create();
    private readonly int _eot;

    private WhisperRecognizer(WhisperFactory factory, RecognizerOptions options, GgmlModelInfo model)
    {
        _factory = factory;
        _options = options;
        Model = model;
        _eot = model.IsMultilingual ? 50257 : 50256;
    }

    /// <summary>What the model file declares.</summary>
    public GgmlModelInfo Model { get; }

    /// <summary>Windows decoded again because their text looped, for reports.</summary>
    public int Fallbacks { get; private set; }

    /// <summary>Opens a ggml model after checking it.</summary>
    /// <exception cref="MediaException">The model is missing, not ggml, unusable, or does not fit the options.</exception>
    public static WhisperRecognizer Open(string modelPath, RecognizerOptions? options = null)
    {
        options ??= new RecognizerOptions();
        options.Validate();
        var info = GgmlModelFile.Check(modelPath);
        if (!info.IsMultilingual && options.Language is not ("en" or "auto"))
        {
            throw new MediaException($"{modelPath}: an English-only model ({info.SizeName}) cannot transcribe '{options.Language}': use a multilingual model");
        }

        var (preset, top) = AlignmentHeads(info);
        var factoryOptions = new WhisperFactoryOptions
        {
            UseGpu = options.UseGpu,
            UseDtwTimeStamps = options.Dtw,
            HeadsPreset = options.Dtw ? preset : WhisperAlignmentHeadsPreset.None,
            // whisper.cpp's default n-top of -1 reads past the layers and crashes; name it.
            DtwNTop = top,
        };
        try
        {
            return new WhisperRecognizer(WhisperFactory.FromPath(modelPath, factoryOptions), options, info);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new MediaException($"{modelPath}: Whisper.net could not load the model: {e.Message}", e);
        }
    }

    /// <summary>The DTW alignment heads: the published preset for a standard size, else all heads of the top layers.</summary>
    internal static (WhisperAlignmentHeadsPreset Preset, int Top) AlignmentHeads(GgmlModelInfo m) => (m.SizeName switch
    {
        "tiny" => WhisperAlignmentHeadsPreset.Tiny,
        "tiny.en" => WhisperAlignmentHeadsPreset.TinyEn,
        "base" => WhisperAlignmentHeadsPreset.Base,
        "base.en" => WhisperAlignmentHeadsPreset.BaseEn,
        "small" => WhisperAlignmentHeadsPreset.Small,
        "small.en" => WhisperAlignmentHeadsPreset.SmallEn,
        "medium" => WhisperAlignmentHeadsPreset.Medium,
        "medium.en" => WhisperAlignmentHeadsPreset.MediumEn,
        "large-v2" => WhisperAlignmentHeadsPreset.LargeV2,
        "large-v3" => WhisperAlignmentHeadsPreset.LargeV3,
        "large-v3-turbo" => WhisperAlignmentHeadsPreset.LargeV3Turbo,
        _ => WhisperAlignmentHeadsPreset.NTopMost,
    }, Math.Clamp(m.TextLayers / 2, 1, m.TextLayers));

    /// <summary>Recognizes one window of 16 kHz mono samples that starts at <paramref name="offset"/> in the media.</summary>
    public IReadOnlyList<RecognizedSegment> Recognize(ReadOnlyMemory<float> samples, TimeSpan offset, CancellationToken cancellationToken = default)
    {
        if (samples.Length < Audio.AudioSource.SampleRate / 10)
        {
            return []; // whisper.cpp refuses input under 100 ms
        }

        var length = TimeSpan.FromSeconds((double)samples.Length / Audio.AudioSource.SampleRate);
        float t = _options.Temperature;
        List<RecognizedSegment> result;
        while (true)
        {
            result = Decode(samples, offset, length, t, cancellationToken);
            string text = string.Join(' ', result.Select(s => s.Text));
            bool loops = RepetitionScore.CodePoints(text) > _options.RepetitionThreshold;
            if (!loops || _options.TemperatureIncrement <= 0 || t + _options.TemperatureIncrement > 1.0001f)
            {
                break;
            }

            Fallbacks++;
            t += _options.TemperatureIncrement;
        }

        return result;
    }

    private List<RecognizedSegment> Decode(ReadOnlyMemory<float> samples, TimeSpan offset, TimeSpan length, float temperature, CancellationToken ct)
    {
        var list = new List<RecognizedSegment>();
        try
        {
            // whisper.cpp loads the weights lazily, here; a file that passed the header check can still fail.
            var processor = Processor(temperature);
            foreach (var s in processor.ProcessAsync(samples, ct).ToBlockingEnumerable(ct))
            {
                ct.ThrowIfCancellationRequested();
                var segment = Convert(s, offset, length, temperature);
                if (segment is not null)
                {
                    list.Add(segment);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new MediaException($"{Model.Path}: Whisper failed on the window at {offset.TotalSeconds:F2} s: {e.Message}", e);
        }

        return list;
    }

    /// <summary>
    /// openai-whisper's silence rule: a segment is dropped when the no-speech token is likely and the text itself is
    /// not confident; confident text survives a high no-speech probability (speech over music).
    /// </summary>
    internal static bool IsSilence(float noSpeechProbability, double averageLogProbability, RecognizerOptions options) =>
        noSpeechProbability > options.NoSpeechThreshold && averageLogProbability < options.LogProbThreshold;

    private RecognizedSegment? Convert(SegmentData s, TimeSpan offset, TimeSpan length, float temperature)
    {
        var tokens = s.Tokens.Where(k => k.Id < _eot).ToList();
        double avgLog = tokens.Count == 0 ? 0 : tokens.Average(k => (double)k.ProbabilityLog);
        if (IsSilence(s.NoSpeechProbability, avgLog, _options))
        {
            return null;
        }

        string text = _normalizer.Normalize(s.Text.Trim());
        if (text.Length == 0)
        {
            return null;
        }

        TimeSpan Clamp(TimeSpan x) => offset + (x < TimeSpan.Zero ? TimeSpan.Zero : x > length ? length : x);
        var start = Clamp(s.Start);
        var end = Clamp(s.End);
        if (end < start)
        {
            end = start;
        }

        return new RecognizedSegment(text, start, end, Words(text, tokens, start, end, offset), s.Language ?? _options.Language,
            s.NoSpeechProbability, avgLog, temperature);
    }

    /// <summary>
    /// Words with times. Whisper's tokens are byte pieces (a Kannada letter can span two), so token texts do not map
    /// onto the segment's text exactly: each token's share of the text is taken in proportion to its text length, and
    /// a word's time runs from the token under its first character to the token under its last.
    /// </summary>
    private static List<RecognizedWord> Words(string text, List<WhisperToken> tokens, TimeSpan start, TimeSpan end, TimeSpan offset)
    {
        var words = new List<RecognizedWord>();
        var spans = new List<(int Start, int End)>();
        for (int i = 0; i < text.Length;)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            int j = i;
            while (j < text.Length && text[j] != ' ')
            {
                j++;
            }

            if (j > i)
            {
                spans.Add((i, j));
            }

            i = j;
        }

        double total = tokens.Sum(k => Math.Max(k.Text?.Trim().Length ?? 0, 1));
        var cumulative = new double[tokens.Count + 1];
        for (int k = 0; k < tokens.Count; k++)
        {
            cumulative[k + 1] = cumulative[k] + (Math.Max(tokens[k].Text?.Trim().Length ?? 0, 1) / total * text.Length);
        }

        TimeSpan TokenTime(int k, bool atEnd)
        {
            var tok = tokens[k];
            long cs = tok.DtwTimestamp >= 0 && !atEnd ? tok.DtwTimestamp : atEnd ? tok.End : tok.Start;
            var t = offset + TimeSpan.FromMilliseconds(cs * 10);
            return t < start ? start : t > end ? end : t;
        }

        int TokenAt(double position)
        {
            int k = Array.BinarySearch(cumulative, position);
            k = k < 0 ? ~k - 1 : k;
            return Math.Clamp(k, 0, tokens.Count - 1);
        }

        foreach (var (a, b) in spans)
        {
            string w = text[a..b];
            if (tokens.Count == 0)
            {
                // No token times: share the segment by position.
                var ws = start + ((end - start) * a / text.Length);
                var we = start + ((end - start) * b / text.Length);
                words.Add(new RecognizedWord(w, ws, we, 0));
                continue;
            }

            int first = TokenAt(a), last = TokenAt(b - 0.5);
            var t0 = TokenTime(first, false);
            var t1 = TokenTime(last, true);
            if (t1 < t0)
            {
                t1 = t0;
            }

            float p = 1;
            for (int k = first; k <= last; k++)
            {
                p = Math.Min(p, tokens[k].Probability);
            }

            words.Add(new RecognizedWord(w, t0, t1, p));
        }

        return words;
    }

    private WhisperProcessor Processor(float temperature)
    {
        if (_processors.TryGetValue(temperature, out var p))
        {
            return p;
        }

        var b = _factory.CreateBuilder()
            .WithThreads(_options.EffectiveThreads)
            .WithTokenTimestamps()
            .WithProbabilities()
            .WithTemperature(temperature)
            .WithTemperatureInc(_options.TemperatureIncrement)
            .WithLogProbThreshold(_options.LogProbThreshold)
            .WithEntropyThreshold(_options.EntropyThreshold)
            .WithNoSpeechThreshold(_options.NoSpeechThreshold)
            .WithNoContext();
        b = _options.Language == "auto" ? b.WithLanguageDetection() : b.WithLanguage(_options.Language);
        if (_options.Task == RecognizerTask.Translate)
        {
            b = b.WithTranslate();
        }

        if (!string.IsNullOrWhiteSpace(_options.Prompt))
        {
            b = b.WithPrompt(_options.Prompt);
        }

        b = _options.BeamSize > 1
            ? b.WithBeamSearchSamplingStrategy(s => s.WithBeamSize(_options.BeamSize))
            : b.WithGreedySamplingStrategy(s => s.WithBestOf(_options.BestOf));
        p = b.Build();
        _processors[temperature] = p;
        return p;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var p in _processors.Values)
        {
            p.Dispose();
        }

        _processors.Clear();
        _factory.Dispose();
    }
}
