using KannadaKit.Cluster.Jobs;
using KannadaKit.Cluster.News;
using KannadaKit.News.Fetching;
using KannadaKit.Cluster.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KannadaKit.Cluster;

/// <summary>Adds KannadaKit's grains' needs to a silo: the processors, the worker loop, the options.</summary>
public static class ClusterHosting
{
    /// <summary>
    /// Registers the worker loop and <paramref name="processors"/> on <paramref name="silo"/>, and the feed poller
    /// its feed grains fetch with (<paramref name="fetch"/>: default, public addresses only).
    /// </summary>
    public static ISiloBuilder AddKannadaKitWorker(this ISiloBuilder silo, IEnumerable<IShardProcessor> processors, CorpusJobOptions? options = null, FetchOptions? fetch = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(processors);
        foreach (var p in processors)
            silo.Services.AddSingleton(p);
        silo.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options ?? new CorpusJobOptions()));
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton(sp => new FeedPoller(fetch ?? new FetchOptions(), sp.GetRequiredService<TimeProvider>()));
        silo.Services.AddHostedService<ShardWorker>();
        return silo;
    }
}
