using System.Globalization;
using KannadaKit.Cluster.Jobs;

namespace KannadaKit.Cluster;

/// <summary>
/// Grain calls from a client that ride out a lost worker: until the cluster declares it dead (seconds), calls to
/// grains it held fail; they are tried again until they answer or the patience runs out.
/// </summary>
public static class ClusterCalls
{
    /// <summary>Whether <paramref name="e"/> is the cluster being away for now (a silo leaving, no gateway answering), not a failure of the call.</summary>
    public static bool IsTransient(Exception e) => e is OrleansException or TimeoutException or System.Net.Sockets.SocketException;

    /// <summary>Calls <paramref name="call"/> until it answers, for at most <paramref name="patience"/> (default 60 s).</summary>
    /// <exception cref="ClusterJobException">The cluster did not answer in time.</exception>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan? patience = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var limit = patience ?? TimeSpan.FromSeconds(60);
        var until = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            try
            {
                return await call().WaitAsync(cancel);
            }
            catch (Exception e) when (IsTransient(e))
            {
                if (DateTimeOffset.UtcNow > until)
                    throw new ClusterJobException(string.Create(CultureInfo.InvariantCulture, $"the cluster has not answered for {limit.TotalSeconds:0} s ({e.Message.Split('\n')[0]})"), e);
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancel);
            }
        }
    }

    /// <summary>As <see cref="RetryAsync{T}(Func{Task{T}}, TimeSpan?, CancellationToken)"/>, for calls with no answer.</summary>
    public static Task RetryAsync(Func<Task> call, TimeSpan? patience = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RetryAsync(async () =>
        {
            await call();
            return true;
        }, patience, cancel);
    }

    /// <summary>Blocking form for the command line.</summary>
    public static T Retry<T>(Func<Task<T>> call, TimeSpan? patience = null) => RetryAsync(call, patience).GetAwaiter().GetResult();

    /// <summary>Blocking form for the command line.</summary>
    public static void Retry(Func<Task> call, TimeSpan? patience = null) => RetryAsync(call, patience).GetAwaiter().GetResult();
}
