namespace KannadaKit.News.Fetching;

/// <summary>
/// When to try a failing feed again: 5 minutes after the first failure, doubling each time, never more than a day;
/// never sooner than the server asked (Retry-After). Miniflux clamps its schedule to 5 min … 24 h the same way.
/// </summary>
public static class Backoff
{
    /// <summary>The shortest wait.</summary>
    public static TimeSpan Minimum { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait.</summary>
    public static TimeSpan Maximum { get; } = TimeSpan.FromHours(24);

    /// <summary>The wait after <paramref name="failures"/> consecutive failures (0: the regular interval applies).</summary>
    public static TimeSpan After(int failures, TimeSpan? retryAfter = null)
    {
        if (failures <= 0)
            return retryAfter ?? TimeSpan.Zero;
        double minutes = Minimum.TotalMinutes * Math.Pow(2, Math.Min(failures - 1, 20));
        var wait = TimeSpan.FromMinutes(Math.Min(minutes, Maximum.TotalMinutes));
        return retryAfter is { } r && r > wait ? (r > Maximum ? Maximum : r) : wait;
    }
}
