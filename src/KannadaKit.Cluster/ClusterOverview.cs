using KannadaKit.Cluster.Grains;
using KannadaKit.Cluster.News;

namespace KannadaKit.Cluster;

/// <summary>The cluster at one moment: its workers, the jobs with work left, and one desk's feeds.</summary>
public sealed record ClusterOverview
{
    /// <summary>When it was read.</summary>
    public required DateTimeOffset Taken { get; init; }

    /// <summary>The active workers' silo endpoints (address:port).</summary>
    public IReadOnlyList<string> Workers { get; init; } = [];

    /// <summary>Jobs with work left.</summary>
    public IReadOnlyList<JobStatus> Jobs { get; init; } = [];

    /// <summary>Jobs that finished or failed lately, newest first.</summary>
    public IReadOnlyList<JobStatus> Ended { get; init; } = [];

    /// <summary>The desk whose feeds are listed.</summary>
    public string Desk { get; init; } = "default";

    /// <summary>That desk's feeds.</summary>
    public IReadOnlyList<FeedPollStatus> Feeds { get; init; } = [];

    /// <summary>Reads the overview through <paramref name="grains"/>, waiting out a lost worker (up to <paramref name="patience"/>).</summary>
    public static async Task<ClusterOverview> ReadAsync(IGrainFactory grains, string desk, TimeSpan? patience = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var hosts = await ClusterCalls.RetryAsync(() => grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true), patience, cancel);
        var ids = await ClusterCalls.RetryAsync(() => grains.GetGrain<IJobDirectoryGrain>(0).Active(), patience, cancel);
        var ended = await ClusterCalls.RetryAsync(() => grains.GetGrain<IJobDirectoryGrain>(0).Recent(), patience, cancel);
        async Task<List<JobStatus>> Statuses(IEnumerable<string> list)
        {
            var statuses = new List<JobStatus>();
            foreach (var id in list)
                statuses.Add(await ClusterCalls.RetryAsync(() => grains.GetGrain<ICorpusJobGrain>(id).Status(), patience, cancel));
            return statuses;
        }

        var jobs = await Statuses(ids);
        var feeds = await ClusterCalls.RetryAsync(() => grains.GetGrain<INewsDeskGrain>(desk).Statuses(), patience, cancel);
        return new ClusterOverview
        {
            Taken = DateTimeOffset.UtcNow,
            Workers = [.. hosts.Keys.Select(h => h.Endpoint.ToString()).Order(StringComparer.Ordinal)],
            Jobs = jobs,
            Ended = await Statuses(ended.Where(id => !ids.Contains(id))),
            Desk = desk,
            Feeds = feeds,
        };
    }
}
