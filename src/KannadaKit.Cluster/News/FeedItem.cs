namespace KannadaKit.Cluster.News;

/// <summary>A feed entry a worker found and the news run has not collected yet: what the run's state stores of it.</summary>
[GenerateSerializer, Immutable]
public sealed record FeedItem
{
    /// <summary>The entry's id (its link or title when the feed gives none).</summary>
    [Id(0)] public required string Key { get; init; }

    /// <summary>The article's link.</summary>
    [Id(1)] public string Link { get; init; } = "";

    /// <summary>The title.</summary>
    [Id(2)] public string Title { get; init; } = "";

    /// <summary>The content or summary as the feed gave it (HTML allowed).</summary>
    [Id(3)] public string Content { get; init; } = "";

    /// <summary>When it was published, if the feed says.</summary>
    [Id(4)] public DateTimeOffset? Published { get; init; }

    /// <summary>When it was updated, if the feed says.</summary>
    [Id(5)] public DateTimeOffset? Updated { get; init; }
}
