namespace KannadaKit.News.Summaries;

/// <summary>A summary: the sentences chosen, in document order, with where they came from.</summary>
/// <param name="Sentences">The chosen sentences, in the order the article has them.</param>
/// <param name="Positions">Each one's index among the article's sentences.</param>
public sealed record Summary(IReadOnlyList<string> Sentences, IReadOnlyList<int> Positions)
{
    /// <summary>The sentences joined with spaces.</summary>
    public string Text => string.Join(' ', Sentences);
}
