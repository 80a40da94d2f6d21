using Orleans.Runtime;

namespace KannadaKit.Cluster.News;

/// <summary>
/// One feed's poller. Its reminder (stored with the cluster, so it fires on whichever worker holds the grain, and
/// moves with it when a worker is lost) ticks every <see cref="FeedPollState.Every"/>; a tick inside a backoff or a
/// server's Retry-After does nothing. State is written after every fetch.
/// </summary>
public sealed class FeedGrain(
    [PersistentState("feed", ClusterStorage.Name)] IPersistentState<FeedPollState> state,
    FeedPoller poller,
    ILocalSiloDetails silo,
    TimeProvider clock) : Grain, IFeedGrain
{
    private const string Reminder = "poll";

    /// <inheritdoc />
    public async Task<FeedPollStatus> Follow(FeedFollow follow, TimeSpan every, bool now = false)
    {
        ArgumentNullException.ThrowIfNull(follow);
        if (follow.Url != FeedKey.UrlOf(this.GetPrimaryKeyString()))
            throw new ArgumentException($"feed {follow.Url} followed through grain {this.GetPrimaryKeyString()}", nameof(follow));
        bool changed = state.State.Follow != follow || state.State.Every != every;
        state.State.Follow = follow;
        state.State.Every = every;
        if (now && state.State.NextAttempt is not null)
        {
            state.State.NextAttempt = null;
            changed = true;
        }

        // A feed never fetched (or asked for now) is fetched a second from now, by the reminder: the caller does not
        // wait on the network.
        bool soon = now || state.State.LastPolled is null;
        if (changed || soon)
            await this.RegisterOrUpdateReminder(Reminder, soon ? TimeSpan.FromSeconds(1) : every, every);
        if (changed)
            await state.WriteStateAsync();
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task Unfollow()
    {
        if (await this.GetReminder(Reminder) is { } r)
            await this.UnregisterReminder(r);
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <inheritdoc />
    public Task<FeedPollStatus> Status() => Task.FromResult(Snapshot());

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedItem>> Pending(int max) => Task.FromResult<IReadOnlyList<FeedItem>>([.. state.State.Pending.Take(Math.Max(0, max))]);

    /// <inheritdoc />
    public async Task Acknowledge(int count)
    {
        int n = Math.Clamp(count, 0, state.State.Pending.Count);
        if (n == 0)
            return;
        state.State.Pending.RemoveRange(0, n);
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Reminder)
            return;
        if (state.State.Follow is null)
        {
            // Unfollowed while a tick was on its way.
            if (await this.GetReminder(Reminder) is { } r)
                await this.UnregisterReminder(r);
            return;
        }

        if (state.State.NextAttempt is { } next && next > clock.GetUtcNow())
            return;
        await Poll();
    }

    private async Task Poll()
    {
        await poller.PollAsync(state.State, silo.SiloAddress.ToString());
        await state.WriteStateAsync();
    }

    private FeedPollStatus Snapshot()
    {
        var s = state.State;
        return new FeedPollStatus
        {
            Url = FeedKey.UrlOf(this.GetPrimaryKeyString()),
            Outlet = s.Outlet,
            LastPolled = s.LastPolled,
            LastWorker = s.LastWorker,
            Failures = s.Failures,
            LastError = s.LastError,
            NextAttempt = s.NextAttempt,
            NotModified = s.NotModified,
            Pending = s.Pending.Count,
            Status = s.Status,
            ETag = s.ETag,
            LastModified = s.LastModified,
            Polls = s.Polls,
        };
    }
}
