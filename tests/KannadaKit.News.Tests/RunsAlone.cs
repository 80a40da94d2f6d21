namespace KannadaKit.News.Tests;

/// <summary>Tests that measure the whole process (allocated bytes) and so run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "alone";
}
