namespace KannadaKit.Testing;

/// <summary>Progress that reports on the caller's thread (<see cref="Progress{T}"/> posts, so late reports could be missed).</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
