using KannadaKit.News.Digests;

namespace KannadaKit.News.Runs;

/// <summary>What a run did.</summary>
/// <param name="Feeds">Each feed's outcome, in list order.</param>
/// <param name="ArticlesFetched">Pages fetched and extracted.</param>
/// <param name="ArticleFailures">Pages that failed.</param>
/// <param name="SummariesMade">Stories summarized anew (the rest came from the cache).</param>
/// <param name="SummaryProblems">Stories whose summarizer failed and which fell back, with why.</param>
/// <param name="Digest">The digest as it now stands.</param>
public sealed record NewsRunReport(
    IReadOnlyList<FeedOutcome> Feeds,
    int ArticlesFetched,
    IReadOnlyList<ArticleFailure> ArticleFailures,
    int SummariesMade,
    IReadOnlyList<string> SummaryProblems,
    Digest Digest);
