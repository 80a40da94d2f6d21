namespace KannadaKit.News.Digests;

/// <summary>One story in a digest.</summary>
/// <param name="Id">Stable across runs while the story grows (its first-seen article's key), for Atom ids and anchors.</param>
/// <param name="Headline">One line.</param>
/// <param name="Summary">Two or three sentences.</param>
/// <param name="Method">How the summary was made ("extractive", "model:NAME").</param>
/// <param name="Updated">Its newest article's time.</param>
/// <param name="Sources">Every article that tells it, the summarized one first: the attribution.</param>
public sealed record DigestStory(string Id, string Headline, string Summary, string Method, DateTimeOffset Updated, IReadOnlyList<DigestSource> Sources);
