namespace KannadaKit.Cluster.Grains;

/// <summary>The directory of active jobs and of those that ended lately, persisted in the cluster's grain storage.</summary>
public sealed class JobDirectoryGrain(
    [PersistentState("jobs", ClusterStorage.Name)] IPersistentState<HashSet<string>> jobs,
    [PersistentState("recent-jobs", ClusterStorage.Name)] IPersistentState<List<string>> recent) : Grain, IJobDirectoryGrain
{
    private const int Kept = 20;

    /// <inheritdoc />
    public async Task Add(string jobId)
    {
        if (jobs.State.Add(jobId))
            await jobs.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task Remove(string jobId)
    {
        if (!jobs.State.Remove(jobId))
            return;
        await jobs.WriteStateAsync();
        recent.State.Remove(jobId);
        recent.State.Insert(0, jobId);
        if (recent.State.Count > Kept)
            recent.State.RemoveRange(Kept, recent.State.Count - Kept);
        await recent.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> Active() => Task.FromResult<IReadOnlyList<string>>([.. jobs.State.Order(StringComparer.Ordinal)]);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> Recent() => Task.FromResult<IReadOnlyList<string>>([.. recent.State]);
}
