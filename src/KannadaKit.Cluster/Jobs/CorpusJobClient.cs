using KannadaKit.Cluster.Grains;

namespace KannadaKit.Cluster.Jobs;

/// <summary>
/// What <c>cluster run</c> does: submit the plan and follow the job until every output is written or it fails.
/// The plan is submitted again at every poll (a no-op while the job's state lives), so a job whose grain lost its
/// state with a silo picks up again from the parts on disk. Cancelling stops the following, not the job.
/// </summary>
public static class CorpusJobClient
{
    /// <summary>Runs <paramref name="plan"/> on the cluster behind <paramref name="grains"/>.</summary>
    /// <exception cref="ClusterJobException">The job failed (the message is the worker's).</exception>
    public static async Task<JobStatus> RunAsync(IGrainFactory grains, JobPlan plan, IProgress<JobStatus>? progress = null, TimeSpan? poll = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(plan);
        var job = grains.GetGrain<ICorpusJobGrain>(plan.Id);
        var every = poll ?? TimeSpan.FromMilliseconds(500);
        while (true)
        {
            JobStatus status;
            try
            {
                status = await job.Submit(plan).WaitAsync(cancel);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The job's silo is leaving; its grain comes back elsewhere at the next call.
                await Task.Delay(every, cancel);
                continue;
            }

            progress?.Report(status);
            if (status.Error is { } error)
                throw new ClusterJobException(error);
            if (status.Finished)
                return status;
            await Task.Delay(every, cancel);
        }
    }
}
