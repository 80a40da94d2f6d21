using KannadaKit.Cluster.Jobs;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace KannadaKit.Cluster.Grains;

/// <summary>
/// The job's scheduler. Shards go out one at a time under leases; a lease lapses when its worker stops renewing it
/// or when the cluster declares the worker's silo dead, and the shard goes to the next worker that asks. A file is
/// assembled once all its parts exist; the job is finished when every file is. Parts are renamed into place whole,
/// so a shard run twice (a slow worker and its replacement) writes the same bytes twice and nothing else.
/// </summary>
public sealed class CorpusJobGrain(
    [PersistentState("job", ClusterStorage.Name)] IPersistentState<CorpusJobState> state,
    IClusterMembershipService membership,
    IOptions<CorpusJobOptions> options,
    TimeProvider clock) : Grain, ICorpusJobGrain
{
    private readonly Dictionary<(WorkKind, int), (string Worker, DateTimeOffset Until)> _leases = [];
    private JobFolder? _folder;
    private ShardSpec[][]? _shardsByFile;

    private JobFolder Folder => _folder ??= new JobFolder(state.State.Plan!);

    // Each file's shards, derived once from the plan: every lease checks which files are ready to assemble.
    private ShardSpec[][] ShardsByFile => _shardsByFile ??= [.. Enumerable.Range(0, state.State.Plan!.Files.Count).Select(f => state.State.Plan.ShardsOf(f).ToArray())];

    /// <inheritdoc />
    public async Task<JobStatus> Submit(JobPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Id != this.GetPrimaryKeyString())
            throw new ArgumentException($"plan {plan.Id} submitted to job {this.GetPrimaryKeyString()}", nameof(plan));
        if (state.State.Plan is null)
        {
            state.State.Plan = plan;
            _folder = null;
            _shardsByFile = null;
            Folder.Create();
            // Work finished before a restart (or under a lost state) is on disk: count it, do not redo it.
            foreach (var s in plan.Shards.Where(Folder.IsShardDone))
                state.State.Done.Add(s.Index);
            for (int f = 0; f < plan.Files.Count; f++)
            {
                if (Folder.IsAssembled(f))
                    state.State.Assembled.Add(f);
            }

            await state.WriteStateAsync();
        }

        if (!Finished && state.State.Error is null)
            await GrainFactory.GetGrain<IJobDirectoryGrain>(0).Add(plan.Id);
        return Snapshot();
    }

    /// <inheritdoc />
    public Task<JobPlan?> Plan() => Task.FromResult(state.State.Plan);

    /// <inheritdoc />
    public Task<WorkItem?> Lease(string worker)
    {
        var plan = state.State.Plan;
        if (plan is null || state.State.Error is not null || Finished)
            return Task.FromResult<WorkItem?>(null);
        var now = clock.GetUtcNow();
        DropLapsed(now);

        // Assemblies first: they finish outputs, and free the disk the parts take.
        for (int f = 0; f < plan.Files.Count; f++)
        {
            if (!state.State.Assembled.Contains(f) && !_leases.ContainsKey((WorkKind.Assemble, f)) && ShardsByFile[f].All(s => state.State.Done.Contains(s.Index)))
                return Task.FromResult<WorkItem?>(Give(worker, WorkKind.Assemble, f, now));
        }

        foreach (var s in plan.Shards)
        {
            if (!state.State.Done.Contains(s.Index) && !_leases.ContainsKey((WorkKind.Shard, s.Index)))
                return Task.FromResult<WorkItem?>(Give(worker, WorkKind.Shard, s.Index, now));
        }

        return Task.FromResult<WorkItem?>(null);
    }

    /// <inheritdoc />
    public Task Renew(string worker, WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_leases.TryGetValue((item.Kind, item.Index), out var lease) && lease.Worker == worker)
            _leases[(item.Kind, item.Index)] = (worker, clock.GetUtcNow() + options.Value.LeaseTime);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task Completed(string worker, WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _leases.Remove((item.Kind, item.Index));
        bool changed = item.Kind == WorkKind.Shard ? state.State.Done.Add(item.Index) : state.State.Assembled.Add(item.Index);
        if (!changed)
            return;
        if (Finished)
        {
            Folder.MarkDone();
            await GrainFactory.GetGrain<IJobDirectoryGrain>(0).Remove(this.GetPrimaryKeyString());
        }

        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task Failed(string worker, WorkItem item, string message)
    {
        ArgumentNullException.ThrowIfNull(item);
        _leases.Remove((item.Kind, item.Index));
        if (state.State.Error is not null)
            return;
        state.State.Error = message;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IJobDirectoryGrain>(0).Remove(this.GetPrimaryKeyString());
    }

    /// <inheritdoc />
    public Task<JobStatus> Status()
    {
        DropLapsed(clock.GetUtcNow());
        return Task.FromResult(Snapshot());
    }

    private bool Finished => state.State.Plan is { } p && state.State.Assembled.Count == p.Files.Count;

    private WorkItem Give(string worker, WorkKind kind, int index, DateTimeOffset now)
    {
        _leases[(kind, index)] = (worker, now + options.Value.LeaseTime);
        return new WorkItem(this.GetPrimaryKeyString(), kind, index);
    }

    // A lease lapses at its time, or at once when the membership table says its worker's silo is dead.
    private void DropLapsed(DateTimeOffset now)
    {
        foreach (var (key, lease) in _leases.ToList())
        {
            if (lease.Until <= now || IsDead(lease.Worker))
            {
                _leases.Remove(key);
                if (key.Item1 == WorkKind.Shard && !state.State.Done.Contains(key.Item2))
                    state.State.Reissued++;
            }
        }
    }

    private bool IsDead(string worker)
    {
        try
        {
            var silo = SiloAddress.FromParsableString(worker);
            var status = membership.CurrentSnapshot.GetSiloStatus(silo);
            return status is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping;
        }
        catch (FormatException)
        {
            return false; // not a silo: an external worker, trusted to its lease time
        }
    }

    private JobStatus Snapshot()
    {
        var plan = state.State.Plan;
        return new JobStatus
        {
            Id = this.GetPrimaryKeyString(),
            Command = plan?.Spec.Command ?? "",
            Shards = plan?.Shards.Count ?? 0,
            ShardsDone = state.State.Done.Count,
            InFlight = _leases.Count(l => l.Key.Item1 == WorkKind.Shard),
            Files = plan?.Files.Count ?? 0,
            FilesDone = state.State.Assembled.Count,
            Workers = [.. _leases.Values.Select(l => l.Worker).Distinct().Order(StringComparer.Ordinal)],
            Finished = Finished,
            Error = state.State.Error,
            Reissued = state.State.Reissued,
        };
    }
}
