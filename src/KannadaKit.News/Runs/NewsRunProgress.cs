namespace KannadaKit.News.Runs;

/// <summary>How far a run has got: <paramref name="Done"/> of <paramref name="Total"/> in <paramref name="Stage"/>.</summary>
public sealed record NewsRunProgress(NewsRunStage Stage, int Done, int Total);
