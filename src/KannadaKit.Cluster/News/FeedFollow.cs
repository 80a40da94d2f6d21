namespace KannadaKit.Cluster.News;

/// <summary>A feed to follow: its address and the outlet's name from the list (empty: the feed's own title).</summary>
[GenerateSerializer, Immutable]
public sealed record FeedFollow
{
    /// <summary>The feed's absolute http or https address.</summary>
    [Id(0)] public required string Url { get; init; }

    /// <summary>The outlet's name from the subscription list, or empty.</summary>
    [Id(1)] public string Title { get; init; } = "";
}
