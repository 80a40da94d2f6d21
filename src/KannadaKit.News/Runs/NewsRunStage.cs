namespace KannadaKit.News.Runs;

/// <summary>The steps of a run, in order.</summary>
public enum NewsRunStage
{
    /// <summary>Fetching feeds.</summary>
    Feeds,

    /// <summary>Fetching and extracting article pages.</summary>
    Articles,

    /// <summary>Grouping articles into stories and summarizing them.</summary>
    Stories,
}
