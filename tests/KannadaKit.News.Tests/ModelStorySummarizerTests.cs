using System.Text.Json;
using KannadaKit.Generation;
using KannadaKit.News.Digests;
using KannadaKit.News.Fetching;
using KannadaKit.News.Runs;
using KannadaKit.News.State;
using KannadaKit.News.Stories;
using KannadaKit.News.Subscriptions;
using KannadaKit.News.Summaries;
using KannadaKit.Testing;
using KannadaKit.Testing.Net;
using KannadaKit.Testing.News;

namespace KannadaKit.News.Tests;

/// <summary>
/// The abstractive path with tiny generated ONNX models whose answers are known: the prompt, the labels, the cut to
/// the model's context, the fallback when the answer has no Kannada, and whole runs with both model kinds.
/// </summary>
public sealed class ModelStorySummarizerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string s_text = string.Join(' ', Enumerable.Repeat(
        "ದಕ್ಷಿಣ ಕನ್ನಡ ಜಿಲ್ಲೆಯಲ್ಲಿ ಭಾರಿ ಮಳೆಯಾಗುತ್ತಿದೆ. ಜಿಲ್ಲಾಧಿಕಾರಿ ಶಾಲೆಗಳಿಗೆ ರಜೆ ಘೋಷಿಸಿದ್ದಾರೆ. ನದಿಗಳು ಅಪಾಯದ ಮಟ್ಟ ಮೀರಿ ಹರಿಯುತ್ತಿವೆ.", 30));

    private static Story RainStory() => new(
        new StoryArticle("a1", "ಕರಾವಳಿ ವಾರ್ತೆ", "https://karavali.example/rain", "ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", s_text, DateTimeOffset.UnixEpoch),
        []);

    private static GenerativeModel Open(string folder) => GenerativeModel.Open(OnnxRuntimeForTests.Runtime, folder);

    [OnnxRuntimeFact]
    public void AnInstructionModelIsAskedThroughItsChatTemplateAndItsLabelledAnswerIsRead()
    {
        using var model = Open(SummaryModels.DecoderOnly(_dir.File("chat")));
        var summarizer = new ModelStorySummarizer(model);
        var prompt = summarizer.Input("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ", "ಶಾಲೆಗಳಿಗೆ ರಜೆ.");
        Assert.Equal(1, prompt[0]); // the template's bos
        Assert.Equal(3, prompt[^1]); // and its generation prompt, <answer>
        Assert.Contains(11, prompt); // ರಜೆ. from the article (the one word of it the tokenizer knows)

        var summary = summarizer.Summarize(RainStory());
        Assert.Equal(SummaryModels.Headline, summary.Headline);
        Assert.Equal(SummaryModels.Summary, summary.Text);
        Assert.Equal("model:chat", summary.Method);
    }

    [OnnxRuntimeFact]
    public void ADecoderOnlyModelWithoutATemplateContinuesFromTheHeadlineLabel()
    {
        using var model = Open(SummaryModels.DecoderOnly(_dir.File("plain"), chatTemplate: false));
        var summarizer = new ModelStorySummarizer(model);
        var prompt = summarizer.Input("ಮಂಗಳೂರು", "ಶಾಲೆಗಳಿಗೆ ರಜೆ.");
        Assert.Equal(4, prompt[^1]); // ಶೀರ್ಷಿಕೆ:

        var summary = summarizer.Summarize(RainStory());
        Assert.Equal(SummaryModels.Headline, summary.Headline); // written before the summary's label, without its own
        Assert.Equal(SummaryModels.Summary, summary.Text);
    }

    [OnnxRuntimeFact]
    public void AnEncoderDecoderSummaryKeepsTheArticlesOwnHeadline()
    {
        using var model = Open(SummaryModels.EncoderDecoder(_dir.File("t5")));
        var summary = new ModelStorySummarizer(model).Summarize(RainStory());
        Assert.Equal("ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", summary.Headline);
        Assert.Equal(SummaryModels.Summary, summary.Text);
        Assert.Equal("model:t5", summary.Method);
    }

    [OnnxRuntimeFact]
    public void AnIndicBartStyleModelGetsItsLanguageTagOnBothSides()
    {
        using var model = Open(SummaryModels.EncoderDecoder(_dir.File("indicbart"), languageTag: true));
        var summarizer = new ModelStorySummarizer(model);
        var source = summarizer.Input("", "ಶಾಲೆಗಳಿಗೆ ರಜೆ.");
        Assert.Equal([10, 11, 2, 17], source); // the text, </s>, <2kn>: no <s> in front
        var summary = summarizer.Summarize(RainStory());
        Assert.Equal(SummaryModels.Summary, summary.Text); // decoding started at <2kn>; from <s> it would be English

        // A model without the tag is given the text as its tokenizer makes it and starts from its own decoder start.
        using var plain = Open(SummaryModels.EncoderDecoder(_dir.File("plain-t5")));
        Assert.Equal([10, 11], new ModelStorySummarizer(plain).Input("", "ಶಾಲೆಗಳಿಗೆ ರಜೆ."));
    }

    [OnnxRuntimeFact]
    public void ATokenizerThatStripsVowelSignsIsRefused()
    {
        // What an ALBERT-style export with keep_accents=False does: NFKD, then every combining mark dropped.
        string folder = SummaryModels.EncoderDecoder(_dir.File("stripped"));
        File.WriteAllText(Path.Combine(folder, "tokenizer.json"), JsonSerializer.Serialize(new
        {
            version = "1.0",
            added_tokens = new[] { new { id = 0, content = "<pad>", single_word = false, lstrip = false, rstrip = false, normalized = false, special = true } },
            normalizer = new { type = "Sequence", normalizers = new object[] { new { type = "NFKD" }, new { type = "StripAccents" } } },
            pre_tokenizer = new { type = "WhitespaceSplit" },
            post_processor = (object?)null,
            decoder = (object?)null,
            model = new { type = "WordLevel", vocab = new Dictionary<string, int> { ["<pad>"] = 0, ["ಕರಯ"] = 1 }, unk_token = "<pad>" },
        }));
        using var model = Open(folder);
        var e = Assert.Throws<ArgumentException>(() => new ModelStorySummarizer(model));
        Assert.Contains("the tokenizer changes Kannada text", e.Message);
        Assert.Contains("keep_accents=True", e.Message);
    }

    [OnnxRuntimeFact]
    public void TheArticleIsCutToTheModelsContextAndTheTemplatesEndStays()
    {
        // The model has 256 positions and fails past them; config.json says so, and the answer gets its share.
        string folder = SummaryModels.DecoderOnly(_dir.File("short"));
        using var model = Open(folder);
        var summarizer = new ModelStorySummarizer(model, new GenerationOptions { MaxNewTokens = 20 });
        var prompt = summarizer.Input(RainStory().Representative.Title, s_text);
        Assert.InRange(prompt.Count, 200, 236);
        Assert.Equal(3, prompt[^1]);
        Assert.Equal(SummaryModels.Summary, summarizer.Summarize(RainStory()).Text);

        // With the default 160 new tokens the prompt still keeps half the context.
        var defaults = new ModelStorySummarizer(model);
        Assert.InRange(defaults.Input("", s_text).Count, 100, 128);
        Assert.Equal(SummaryModels.Summary, defaults.Summarize(RainStory()).Text);

        // Without the limit in config.json the same article overflows the model: the cut is what keeps it working.
        using var unbounded = Open(SummaryModels.DecoderOnly(_dir.File("unbounded"), maxPositions: null));
        Assert.True(new ModelStorySummarizer(unbounded).Input("", s_text).Count > 256);
        Assert.ThrowsAny<Exception>(() => new ModelStorySummarizer(unbounded).Summarize(RainStory()));

        // A context too short for the instruction itself is refused up front, not cut into nonsense.
        using var cramped = Open(SummaryModels.DecoderOnly(_dir.File("cramped"), maxPositions: 40));
        var e = Assert.Throws<ArgumentException>(() => new ModelStorySummarizer(cramped));
        Assert.Contains("the instruction alone takes", e.Message);
    }

    [OnnxRuntimeFact]
    public void AnAnswerWithoutKannadaFallsBackToTheExtractiveSummaryAndSaysSo()
    {
        using var model = Open(SummaryModels.DecoderOnly(_dir.File("english"), english: true));
        var summary = new ModelStorySummarizer(model).Summarize(RainStory());
        Assert.Equal("extractive (model:english gave no Kannada text)", summary.Method);
        Assert.StartsWith("ದಕ್ಷಿಣ ಕನ್ನಡ ಜಿಲ್ಲೆಯಲ್ಲಿ ಭಾರಿ ಮಳೆಯಾಗುತ್ತಿದೆ.", summary.Text);
    }

    [Theory]
    [InlineData("ಶೀರ್ಷಿಕೆ: ಮಳೆ\nಸಾರಾಂಶ: ಭಾರಿ ಮಳೆ.", "ಮಳೆ", "ಭಾರಿ ಮಳೆ.")]
    [InlineData("**ಶೀರ್ಷಿಕೆ:** ಮಳೆ\n**ಸಾರಾಂಶ:** ಭಾರಿ ಮಳೆ.\nಶಾಲೆಗಳಿಗೆ ರಜೆ.", "ಮಳೆ", "ಭಾರಿ ಮಳೆ. ಶಾಲೆಗಳಿಗೆ ರಜೆ.")]
    [InlineData("ಮಳೆ ಸಾರಾಂಶ: ಭಾರಿ ಮಳೆ.", "ಮಳೆ", "ಭಾರಿ ಮಳೆ.")]
    [InlineData("ಮಳೆ\nಭಾರಿ ಮಳೆ. ರಜೆ.", "ಮಳೆ", "ಭಾರಿ ಮಳೆ. ರಜೆ.")]
    [InlineData("ಭಾರಿ ಮಳೆ. ರಜೆ.", "", "ಭಾರಿ ಮಳೆ. ರಜೆ.")]
    public void AnswersAreReadWithOrWithoutLabels(string answer, string headline, string summary)
    {
        var (h, s) = ModelStorySummarizer.Read(answer);
        Assert.Equal(headline, h);
        Assert.Equal(summary, s);
    }

    [OnnxRuntimeTheory]
    [InlineData("chat")]
    [InlineData("encoder-decoder")]
    public async Task AWholeRunSummarizesEveryStoryThroughTheModelAndCachesIt(string kind)
    {
        await using var server = await LocalHttpServer.StartAsync();
        NewsSites.Mount(server, DateTimeOffset.UtcNow);
        string folder = kind == "chat" ? SummaryModels.DecoderOnly(_dir.File("m")) : SummaryModels.EncoderDecoder(_dir.File("m"));
        using var model = Open(folder);
        var summarizer = new ModelStorySummarizer(model);
        List<Subscription> outlets = [.. NewsSites.FeedPaths.Select(p => new Subscription(server.Url(p)))];
        string statePath = _dir.File("news.db");
        static HttpFetcher Fetcher() => new(new FetchOptions { AllowLoopback = true, PerHostInterval = TimeSpan.Zero });

        NewsRunReport first;
        using (var state = NewsState.Open(statePath))
        using (var fetcher = Fetcher())
            first = await new NewsRunner(state, fetcher, summarizer).RunAsync(outlets);
        Assert.Equal(4, first.Digest.Stories.Count);
        Assert.Equal(4, first.SummariesMade);
        Assert.Empty(first.SummaryProblems);
        Assert.All(first.Digest.Stories, s =>
        {
            Assert.Equal(SummaryModels.Summary, s.Summary);
            Assert.Equal("model:m", s.Method);
            Assert.NotEmpty(s.Sources);
        });
        var rain = Assert.Single(first.Digest.Stories, s => s.Sources.Count == 3);
        Assert.Equal(kind == "chat" ? SummaryModels.Headline : "ಮಂಗಳೂರು: ಭಾರಿ ಮಳೆ, ಶಾಲೆಗಳಿಗೆ ರಜೆ", rain.Headline);

        string outDir = _dir.File("out");
        DigestFiles.Write(outDir, first.Digest);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "digest.json")));
        Assert.All(json.RootElement.GetProperty("stories").EnumerateArray(), s => Assert.Equal(SummaryModels.Summary, s.GetProperty("summary").GetString()));

        using (var state = NewsState.Open(statePath))
        using (var fetcher = Fetcher())
        {
            var second = await new NewsRunner(state, fetcher, summarizer).RunAsync(outlets);
            Assert.Equal(0, second.SummariesMade); // nothing changed: the cached summaries stand
            Assert.Equal(first.Digest.Stories.Select(s => s.Summary), second.Digest.Stories.Select(s => s.Summary));
        }
    }
}
