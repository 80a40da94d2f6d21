using System.Text;
using System.Text.RegularExpressions;
using KannadaKit.Generation;
using KannadaKit.Generation.Chat;
using KannadaKit.News.Stories;
using KannadaKit.Text.Segmentation;

namespace KannadaKit.News.Summaries;

/// <summary>
/// Abstractive summaries through a local ONNX model (<see cref="GenerativeModel"/>, on CPU or CUDA as it was
/// opened). An instruction model (decoder-only with a chat template: Gemma, Qwen, Sarvam) is asked in Kannada for a
/// labelled headline and a two-to-three-sentence summary; an encoder-decoder summarizer (mT5, IndicBART) is given the
/// article and its output is the summary, under the article's own headline. The article is cut to fit the model's
/// context. Model output is untrusted: without Kannada text it is discarded and the extractive summary stands in,
/// and the method says so.
/// </summary>
public sealed partial class ModelStorySummarizer : IStorySummarizer
{
    /// <summary>The label the model is asked to put before its headline.</summary>
    public const string HeadlineLabel = "ಶೀರ್ಷಿಕೆ:";

    /// <summary>The label the model is asked to put before its summary.</summary>
    public const string SummaryLabel = "ಸಾರಾಂಶ:";

    /// <summary>Summaries are cut (at a sentence end when there is one) to this many aksharas.</summary>
    public const int MaxSummaryAksharas = 600;

    private readonly GenerativeModel _model;
    private readonly GenerationOptions _generation;
    private readonly int _maxInputTokens;
    private readonly ExtractiveStorySummarizer _fallback;
    private readonly int? _languageTag, _sourceEnd;

    /// <summary>The Kannada language tag of IndicBART-style encoder-decoder models.</summary>
    public const string LanguageTag = "<2kn>";

    /// <summary>A summarizer over <paramref name="model"/>, which must have a tokenizer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="generation">Generation options over the model's own defaults (default: greedy, 160 new tokens, no repeated 3-grams).</param>
    /// <param name="maxInputTokens">The longest input given to the model; also bounded by its context.</param>
    /// <param name="fallback">The summary used when the model's answer is unusable.</param>
    /// <exception cref="ArgumentException">The model folder has no tokenizer.json.</exception>
    public ModelStorySummarizer(GenerativeModel model, GenerationOptions? generation = null, int maxInputTokens = 1024, SummaryOptions? fallback = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        if (model.Tokenizer is null)
            throw new ArgumentException($"{model.Folder}: the model has no tokenizer.json; summaries need one to read the model's answer", nameof(model));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInputTokens, 16);
        _fallback = new ExtractiveStorySummarizer(fallback);
        _generation = generation ?? new GenerationOptions { MaxNewTokens = 160, NoRepeatNgramSize = 3 };
        // mBART-style language tags (IndicBART and its fine-tunes): the source is "text </s> <2kn>" and decoding
        // starts at <2kn>; without them the model answers in whichever language it likes.
        if (model.Kind == ModelKind.EncoderDecoder && model.Tokenizer.TokenToId(LanguageTag) is { } tag)
        {
            _languageTag = tag;
            _sourceEnd = model.Tokenizer.TokenToId("</s>");
            if (_generation.DecoderStartTokenId is null)
                _generation = _generation with { DecoderStartTokenId = tag };
        }

        int newTokens = _generation.MaxNewTokens ?? model.Config.Defaults.MaxNewTokens ?? 160;
        int context = int.MaxValue;
        if (model.Config.MaxPositions is { } p)
        {
            // A decoder-only model's answer shares its context with the prompt: keep at least half for the article.
            context = model.Kind == ModelKind.DecoderOnly ? Math.Max(p - newTokens, p / 2) : p;
            if (model.Kind == ModelKind.DecoderOnly && newTokens > p - context)
                _generation = _generation with { MaxNewTokens = p - context };
        }

        _maxInputTokens = Math.Max(8, Math.Min(maxInputTokens, context));
        CheckKannadaRoundTrip(model);
        int bare = Prompt("", "").Count;
        if (bare > _maxInputTokens)
            throw new ArgumentException($"{model.Folder}: the instruction alone takes {bare} tokens, more than the {_maxInputTokens} this model's context leaves for input", nameof(model));
        Name = "model:" + Path.GetFileName(Path.TrimEndingDirectorySeparator(model.Folder));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The instruction an instruction model gets before the article: Kannada first, English after, so a
    /// model that reads either knows the task and the labels.</summary>
    public static string Instruction { get; } =
        $"ಕೆಳಗಿನ ಸುದ್ದಿಯನ್ನು ಕನ್ನಡದಲ್ಲಿ ಸಂಗ್ರಹಿಸಿ: ಮೊದಲ ಸಾಲಿನಲ್ಲಿ \"{HeadlineLabel}\" ನಂತರ ಒಂದು ಸಾಲಿನ ಶೀರ್ಷಿಕೆ, ಎರಡನೆಯ ಸಾಲಿನಲ್ಲಿ \"{SummaryLabel}\" ನಂತರ ಎರಡು ಅಥವಾ ಮೂರು ವಾಕ್ಯಗಳ ಸಾರಾಂಶ. "
        + $"(Summarize the news below in Kannada: a one-line headline after \"{HeadlineLabel}\", then a two-to-three-sentence summary after \"{SummaryLabel}\".)";

    /// <inheritdoc />
    public StorySummary Summarize(Story story, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        var rep = story.Representative;
        var input = Input(rep.Title, rep.Text);
        var best = _model.GenerateBatch([input], _generation, cancel)[0][0];
        string answer = Collapse(_model.Tokenizer!.Decode(best.Tokens, skipSpecialTokens: true));
        var (headline, summary) = Read(answer);
        if (!HasKannada(summary))
        {
            var extractive = _fallback.Summarize(story, cancel);
            return extractive with { Method = $"{_fallback.Name} ({Name} gave no Kannada text)" };
        }

        if (!HasKannada(headline))
            headline = rep.Title.Length > 0 ? rep.Title : ExtractiveStorySummarizer.FirstSentence(rep.Text);
        return new StorySummary(headline, Cut(summary, MaxSummaryAksharas), Name);
    }

    /// <summary>The token ids the model gets for an article, cut to fit its context.</summary>
    internal IReadOnlyList<int> Input(string title, string text)
    {
        // Cut the article's words, not the prompt's tokens: the template's closing tokens must stay.
        string[] words = text.Split(' ');
        int keep = words.Length;
        var ids = Prompt(title, text);
        for (int tries = 0; ids.Count > _maxInputTokens && keep > 0 && tries < 20; tries++)
        {
            keep = Math.Min(keep - 1, (int)(keep * (double)_maxInputTokens / ids.Count * 0.95));
            ids = Prompt(title, string.Join(' ', words, 0, Math.Max(keep, 0)));
        }

        if (ids.Count <= _maxInputTokens)
            return ids;
        int tail = _languageTag is null ? 0 : (_sourceEnd is null ? 1 : 2); // "</s> <2kn>" must end the source
        return [.. ids.Take(_maxInputTokens - tail), .. ids.TakeLast(tail)];
    }

    private IReadOnlyList<int> Prompt(string title, string body)
    {
        string article = title.Length > 0 ? title + "\n" + body : body;
        if (_model.Kind == ModelKind.DecoderOnly && _model.ChatTemplate is not null)
            return _model.ChatPrompt([new ChatMessage("user", Instruction + "\n\n" + article)]);
        if (_languageTag is { } tag)
        {
            var source = _model.Tokenizer!.EncodeToIds(article, addSpecialTokens: false).ToList();
            if (_sourceEnd is { } end)
                source.Add(end);
            source.Add(tag);
            return source;
        }

        string text = _model.Kind == ModelKind.DecoderOnly ? Instruction + "\n\n" + article + "\n\n" + HeadlineLabel : article;
        return _model.Tokenizer!.EncodeToIds(text, addSpecialTokens: true).ToArray();
    }

    // A tokenizer exported with accent stripping (ALBERT-style keep_accents=False, as IndicBART's is by default)
    // drops the virama and some vowel signs: every summary would come out misspelt, so refuse it up front.
    private static void CheckKannadaRoundTrip(GenerativeModel model)
    {
        const string probe = "ಕಿರಿಯ ಮಕ್ಕಳು ಶಾಲೆಗೆ ಹೋದರು";
        var tokenizer = model.Tokenizer!;
        string back = tokenizer.Decode(tokenizer.EncodeToIds(probe, addSpecialTokens: false).ToArray(), skipSpecialTokens: true);
        static string Kannada(string s) => new([.. s.Normalize(NormalizationForm.FormC).Where(c => c is >= '\u0C80' and <= '\u0CFF')]);
        string got = Kannada(back);
        if (got.Length >= 2 && got != Kannada(probe))
            throw new ArgumentException($"{model.Folder}: the tokenizer changes Kannada text (\"{probe}\" comes back as \"{back.Trim()}\"); re-export it keeping accents (keep_accents=True, do_lower_case=False)", nameof(model));
    }

    /// <summary>The headline and summary in a model's answer: labelled when the model followed the instruction,
    /// else a first line that is short enough to be a headline, else all summary.</summary>
    internal static (string Headline, string Summary) Read(string answer)
    {
        int h = answer.IndexOf(HeadlineLabel, StringComparison.Ordinal), s = answer.IndexOf(SummaryLabel, StringComparison.Ordinal);
        if (s >= 0)
        {
            string summary = answer[(s + SummaryLabel.Length)..].Trim().TrimStart('*', ' ');
            // Without its label the headline is what comes before the summary's (the prompt ended with the label).
            string headline = h >= 0 && h < s ? answer[(h + HeadlineLabel.Length)..s].Trim() : answer[..s].Trim();
            return (FirstLine(headline), summary.Replace('\n', ' ').Trim());
        }

        if (h >= 0)
            answer = answer[(h + HeadlineLabel.Length)..].Trim();
        int newline = answer.IndexOf('\n', StringComparison.Ordinal);
        if (newline > 0 && Aksharas.Count(answer.AsSpan(0, newline)) <= 30)
            return (answer[..newline].Trim(), answer[(newline + 1)..].Replace('\n', ' ').Trim());
        return ("", answer.Replace('\n', ' ').Trim());
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim().Trim('*', '#', ' ');

    internal static bool HasKannada(string s)
    {
        int kannada = 0;
        foreach (char c in s)
            kannada += c is >= '\u0C80' and <= '\u0CFF' ? 1 : 0;
        return kannada >= 2;
    }

    // Whitespace collapsed within lines, newlines kept (they separate headline and summary).
    private static string Collapse(string s)
    {
        var lines = s.Normalize(NormalizationForm.FormC).Split('\n').Select(l => SpacesPattern().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static string Cut(string summary, int maxAksharas)
    {
        if (Aksharas.Count(summary) <= maxAksharas)
            return summary;
        var sentences = ExtractiveSummarizer.Sentences(summary);
        var b = new StringBuilder();
        foreach (var sentence in sentences)
        {
            if (Aksharas.Count(b.ToString() + sentence) > maxAksharas)
                break;
            b.Append(b.Length > 0 ? " " : "").Append(sentence);
        }

        if (b.Length > 0)
            return b.ToString();
        var cut = new StringBuilder();
        int n = 0;
        foreach (var a in Aksharas.Enumerate(summary))
        {
            if (n++ >= maxAksharas)
                break;
            cut.Append(summary.AsSpan(a.Start, a.Length));
        }

        return cut.ToString().TrimEnd() + "…";
    }

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex SpacesPattern();
}
