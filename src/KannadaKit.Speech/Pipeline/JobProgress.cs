namespace KannadaKit.Speech.Pipeline;

/// <summary>How far a job is: media time decoded, the media's length when known, and the wall time spent.</summary>
public readonly record struct JobProgress(TimeSpan MediaDone, TimeSpan? MediaTotal, TimeSpan Elapsed)
{
    /// <summary>Media seconds per wall second so far (above 1 is faster than real time).</summary>
    public double Speed => Elapsed.TotalSeconds > 0 ? MediaDone.TotalSeconds / Elapsed.TotalSeconds : 0;
}
