using System.Collections.Concurrent;
using KannadaKit.Lexicon.Store;

namespace KannadaKit.Web;

/// <summary>
/// Open stores shared by requests: a store (one SQLite connection) is single-threaded, so each request rents one and
/// gives it back; opening per request would repeat the format check and the pragmas.
/// </summary>
internal sealed class StorePool(string path) : IDisposable
{
    private readonly ConcurrentBag<LexiconStore> _idle = [];

    public T Use<T>(Func<LexiconStore, T> work)
    {
        var store = _idle.TryTake(out var s) ? s : LexiconStore.Open(path);
        try
        {
            return work(store);
        }
        finally
        {
            _idle.Add(store);
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var s))
            s.Dispose();
    }
}
