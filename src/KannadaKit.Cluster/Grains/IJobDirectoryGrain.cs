namespace KannadaKit.Cluster.Grains;

/// <summary>The jobs with work left (one directory, key 0): what idle workers look through.</summary>
public interface IJobDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a job.</summary>
    Task Add(string jobId);

    /// <summary>Removes a finished or failed job.</summary>
    Task Remove(string jobId);

    /// <summary>The jobs with work left.</summary>
    Task<IReadOnlyList<string>> Active();

    /// <summary>The jobs that finished or failed lately, newest first (the last twenty).</summary>
    Task<IReadOnlyList<string>> Recent();
}
