using KannadaKit.Cluster.Grains;
using KannadaKit.Cluster.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace KannadaKit.Cluster.Workers;

/// <summary>
/// The loop every worker (silo) runs: look through the active jobs, lease a piece of work, do it with the
/// one-machine command's code, report it done, and keep the lease renewed while it runs. A bad input stops the job
/// with the processor's one-line message; anything else (a full disk, a lost connection) lets the lease lapse so
/// another worker tries.
/// </summary>
public sealed partial class ShardWorker(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IEnumerable<IShardProcessor> processors,
    IOptions<CorpusJobOptions> options,
    ILogger<ShardWorker> log) : BackgroundService
{
    private readonly Dictionary<string, IShardProcessor> _processors = processors.ToDictionary(p => p.Command, StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JobPlan> _plans = new(StringComparer.Ordinal);

    /// <summary>This worker's name in leases: its silo's address.</summary>
    public string Name => silo.SiloAddress.ToParsableString();

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Slots)).Select(_ => Task.Run(() => SlotAsync(stoppingToken), stoppingToken)));

    // One slot: a shard at a time; a worker runs as many slots as it has cores.
    private async Task SlotAsync(CancellationToken stoppingToken)
    {
        var directory = grains.GetGrain<IJobDirectoryGrain>(0);
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked = false;
            try
            {
                foreach (var id in await directory.Active())
                {
                    var job = grains.GetGrain<ICorpusJobGrain>(id);
                    if (await job.Lease(Name) is not { } item)
                        continue;
                    worked = true;
                    await RunAsync(job, item, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException or IOException)
            {
                // The cluster is changing under us (a silo leaving) or storage hiccuped: the lease lapses; try again.
                Retrying(log, Name, e.Message);
            }

            if (!worked)
                await Task.Delay(options.Value.IdleWait, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task RunAsync(ICorpusJobGrain job, WorkItem item, CancellationToken stop)
    {
        if (!_plans.TryGetValue(item.JobId, out var plan))
            _plans[item.JobId] = plan = await job.Plan() ?? throw new OrleansException($"job {item.JobId} has no plan");
        // (two slots may both fetch a new job's plan once; the plans are equal)
        var folder = new JobFolder(plan);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var renew = RenewAsync(job, item, renewing.Token);
        try
        {
            if (item.Kind == WorkKind.Shard)
            {
                if (!_processors.TryGetValue(plan.Spec.Command, out var processor))
                {
                    await job.Failed(Name, item, $"worker {Name} has no '{plan.Spec.Command}' command");
                    return;
                }

                var shard = plan.Shards[item.Index];
                await Task.Run(() => folder.RunShard(shard, processor, stop), stop);
            }
            else if (!folder.Assemble(item.Index))
            {
                // A part vanished (someone cleaned the folder): let the lease lapse and the shards be found missing.
                MissingParts(log, item.JobId, item.Index);
                return;
            }

            await job.Completed(Name, item);
        }
        catch (ClusterJobException e)
        {
            await job.Failed(Name, item, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && !stop.IsCancellationRequested)
        {
            // An output folder that cannot be written (permissions, a full disk) is the same on the next try: say so.
            await job.Failed(Name, item, $"{plan.Spec.OutputFolder}: {e.Message}");
        }
        finally
        {
            await renewing.CancelAsync();
            await renew.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task RenewAsync(ICorpusJobGrain job, WorkItem item, CancellationToken cancel)
    {
        var every = options.Value.LeaseTime / 3;
        while (!cancel.IsCancellationRequested)
        {
            await Task.Delay(every, cancel);
            await job.Renew(Name, item);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "worker {Worker}: {Message}; trying again")]
    private static partial void Retrying(ILogger log, string worker, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {Job}: file {File} has missing parts")]
    private static partial void MissingParts(ILogger log, string job, int file);
}
