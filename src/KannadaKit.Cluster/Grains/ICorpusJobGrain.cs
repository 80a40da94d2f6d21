using KannadaKit.Cluster.Jobs;

namespace KannadaKit.Cluster.Grains;

/// <summary>One corpus job (keyed by its plan's id): hands out shards and assemblies to workers under leases, takes
/// back the work of lost workers, and knows when every output is written.</summary>
public interface ICorpusJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job, or (the same plan again) reattaches to it; finished parts on disk count as done.</summary>
    Task<JobStatus> Submit(JobPlan plan);

    /// <summary>The plan (workers fetch it once per job).</summary>
    Task<JobPlan?> Plan();

    /// <summary>The next piece of work for <paramref name="worker"/>, or null when there is none now.</summary>
    Task<WorkItem?> Lease(string worker);

    /// <summary>Keeps <paramref name="worker"/>'s lease on <paramref name="item"/> alive.</summary>
    Task Renew(string worker, WorkItem item);

    /// <summary><paramref name="item"/> is done.</summary>
    Task Completed(string worker, WorkItem item);

    /// <summary><paramref name="item"/> failed on bad input: the job stops with <paramref name="message"/>.</summary>
    Task Failed(string worker, WorkItem item, string message);

    /// <summary>Where the job stands.</summary>
    Task<JobStatus> Status();
}
