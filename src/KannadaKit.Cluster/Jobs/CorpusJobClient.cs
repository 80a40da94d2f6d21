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
    /// <param name="grains">The cluster client.</param>
    /// <param name="plan">The job.</param>
    /// <param name="progress">Each status polled.</param>
    /// <param name="poll">How often to poll (default 0.5 s).</param>
    /// <param name="giveUpAfter">How long the cluster may not answer before following stops (default 60 s); the job
    /// itself goes on whenever workers come back.</param>
    /// <param name="cancel">Stops following.</param>
    /// <exception cref="ClusterJobException">The job failed (the message is the worker's), or the cluster stopped answering.</exception>
    public static async Task<JobStatus> RunAsync(IGrainFactory grains, JobPlan plan, IProgress<JobStatus>? progress = null, TimeSpan? poll = null,
        TimeSpan? giveUpAfter = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(plan);
        var job = grains.GetGrain<ICorpusJobGrain>(plan.Id);
        var every = poll ?? TimeSpan.FromMilliseconds(500);
        var patience = giveUpAfter ?? TimeSpan.FromSeconds(60);
        DateTimeOffset? silentSince = null;
        while (true)
        {
            JobStatus status;
            try
            {
                status = await job.Submit(plan).WaitAsync(cancel);
                silentSince = null;
            }
            catch (Exception e) when (ClusterCalls.IsTransient(e))
            {
                // A silo leaving (its grains come back elsewhere at the next call), or no gateway answering at all.
                silentSince ??= DateTimeOffset.UtcNow;
                if (DateTimeOffset.UtcNow - silentSince > patience)
                    throw new ClusterJobException($"the cluster has not answered for {patience.TotalSeconds:0} s ({e.Message.Split('\n')[0]}); the job goes on when workers are back: run the same command again", e);
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
