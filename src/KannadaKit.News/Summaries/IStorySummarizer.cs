using KannadaKit.News.Stories;

namespace KannadaKit.News.Summaries;

/// <summary>Turns a story into a headline and a short summary for the digest.</summary>
public interface IStorySummarizer
{
    /// <summary>What the digest and the state record as the method ("extractive", "model:NAME").</summary>
    string Name { get; }

    /// <summary>The headline and summary of <paramref name="story"/>.</summary>
    StorySummary Summarize(Story story, CancellationToken cancel = default);
}
