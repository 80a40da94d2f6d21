using KannadaKit.News.Stories;

namespace KannadaKit.News.Summaries;

/// <summary>
/// The no-model summary of a story: the representative article's headline, and its best sentences by
/// <see cref="ExtractiveSummarizer"/> (the representative tells the event most fully, so it is the one summarized).
/// </summary>
public sealed class ExtractiveStorySummarizer(SummaryOptions? options = null) : IStorySummarizer
{
    private readonly ExtractiveSummarizer _summarizer = new(options);

    /// <inheritdoc />
    public string Name => "extractive";

    /// <inheritdoc />
    public StorySummary Summarize(Story story, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        var rep = story.Representative;
        var summary = _summarizer.Summarize(rep.Text);
        string text = summary.Sentences.Count > 0 ? summary.Text : rep.Text.Split('\n')[0];
        string headline = rep.Title.Length > 0 ? rep.Title : FirstSentence(rep.Text);
        return new StorySummary(headline, text, Name);
    }

    internal static string FirstSentence(string text) => ExtractiveSummarizer.Sentences(text) is [var first, ..] ? first : "";
}
