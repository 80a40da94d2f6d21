using KannadaKit.Cluster.Jobs;
using KannadaKit.Cluster.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KannadaKit.Cluster;

/// <summary>Adds KannadaKit's grains' needs to a silo: the processors, the worker loop, the options.</summary>
public static class ClusterHosting
{
    /// <summary>Registers the worker loop and <paramref name="processors"/> on <paramref name="silo"/>.</summary>
    public static ISiloBuilder AddKannadaKitWorker(this ISiloBuilder silo, IEnumerable<IShardProcessor> processors, CorpusJobOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(processors);
        foreach (var p in processors)
            silo.Services.AddSingleton(p);
        silo.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options ?? new CorpusJobOptions()));
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddHostedService<ShardWorker>();
        return silo;
    }
}
