namespace KannadaKit.Cluster.Grains;

/// <summary>The directory of active jobs, persisted in the cluster's grain storage.</summary>
public sealed class JobDirectoryGrain([PersistentState("jobs", ClusterStorage.Name)] IPersistentState<HashSet<string>> jobs) : Grain, IJobDirectoryGrain
{
    /// <inheritdoc />
    public async Task Add(string jobId)
    {
        if (jobs.State.Add(jobId))
            await jobs.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task Remove(string jobId)
    {
        if (jobs.State.Remove(jobId))
            await jobs.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> Active() => Task.FromResult<IReadOnlyList<string>>([.. jobs.State.Order(StringComparer.Ordinal)]);
}
