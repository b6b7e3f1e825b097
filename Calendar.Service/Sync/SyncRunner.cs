using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Google;
using AgentCalls.Calendar.Service.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// One sync of one agent's Google Calendar, with this service's own Google access for the agent. Without a sync
/// token (or while a full sync is under way) it reads the window (PastDays back, FutureDays ahead, recurring
/// events expanded) page by page, saving each page with the progress so an interrupted full sync resumes where it
/// stopped, and removes at the end (with the last page) what it did not see. With a sync token it applies the changes
/// since. A sync token Google no longer accepts (410) starts a full sync that replaces the copy; so does a page token
/// it no longer accepts in the middle of a full sync. Rate limits postpone the sync to the Retry-After; a revoked
/// grant stops syncing until the agent reconnects; other failures are tried again later. The run holds the
/// calendar's lease (<see cref="SyncLease"/>), and writes nothing once another run holds it.
/// </summary>
public sealed partial class SyncRunner(
    CalendarDbContext db, GoogleCalendarClient google, GoogleAccessTokens tokens, GooglePageWriter writer, WatchChannels channels,
    IConnectionMultiplexer redis, IOptions<CalendarOptions> options, TimeProvider time, ILogger<SyncRunner> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DefaultBackoff = TimeSpan.FromSeconds(30);

    public async Task RunAsync(SyncLease lease, CancellationToken cancellationToken)
    {
        var agentId = lease.AgentId;
        var state = await db.GoogleSyncs.FirstOrDefaultAsync(s => s.AgentId == agentId, cancellationToken);
        if (state is null || state.LeaseHolder != lease.Holder)
        {
            return;
        }

        try
        {
            // A token Google refuses mid-way runs the sync again with a new one, from where the committed pages left it.
            await tokens.WithAgentTokenAsync(agentId, async token =>
            {
                await SyncAsync(state, token, cancellationToken);
                await EnsureChannelAsync(state, token, cancellationToken);
            }, cancellationToken);
            await FinishAsync(lease, state, cancellationToken);
        }
        catch (GoogleAccessUnavailableException e) when (!e.MustReconnect)
        {
            // Disconnected, and the event saying so has not arrived yet: the same as when it does.
            db.ChangeTracker.Clear();
            await GoogleCalendarForgetting.ForgetAsync(db, redis, agentId, cancellationToken);
        }
        catch (GoogleAccessUnavailableException e)
        {
            await StopAsync(lease, GoogleSyncState.ReconnectRequired, e.Message, next: null, cancellationToken);
        }
        catch (GoogleApiException e) when (e.IsMissingPermission)
        {
            await StopAsync(lease, GoogleSyncState.ReconnectRequired, "Google did not grant AgentCalls access to the calendar. Connect Google Calendar again and allow it.", next: null, cancellationToken);
        }
        catch (GoogleApiException e) when (e.IsRateLimited)
        {
            var wait = e.RetryAfter ?? DefaultBackoff;
            await StopAsync(lease, GoogleSyncState.BackingOff, $"Google asked AgentCalls to slow down; syncing again in {Math.Ceiling(wait.TotalSeconds)} s.", time.GetUtcNow() + wait, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease lapsed and another run holds the calendar now: it carries on, this run leaves no trace.
            LogLeaseLost(logger, agentId);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Google or Identity unreachable, a timeout, an answer not understood, a page the database refused: the copy
            // stays as the last committed page left it, and the next try starts from there.
            LogSyncFailed(logger, e, agentId);
            await StopAsync(lease, GoogleSyncState.Failed, $"The last sync failed: {e.Message}", time.GetUtcNow() + Min(options.Value.PollInterval, TimeSpan.FromMinutes(1)), cancellationToken);
        }
    }

    private async Task SyncAsync(GoogleSync state, string token, CancellationToken cancellationToken)
    {
        if (state.SyncToken is null || state.PageToken is not null)
        {
            await FullAsync(state, token, cancellationToken);
            return;
        }

        try
        {
            await IncrementalAsync(state, token, cancellationToken);
        }
        catch (GoogleApiException e) when (e.IsSyncTokenGone)
        {
            LogFullSyncRequired(logger, state.AgentId);
            state.SyncToken = null;
            await FullAsync(state, token, cancellationToken);
        }
    }

    private async Task FullAsync(GoogleSync state, string token, CancellationToken cancellationToken)
    {
        if (state.PageToken is null || state.FullSyncStartedAt is null)
        {
            await StartFullAsync(state, cancellationToken);
        }

        var restarted = false;
        while (true)
        {
            // The window is the full sync's, reckoned from when it began, so a resumed full sync asks what it first asked.
            var started = state.FullSyncStartedAt!.Value;
            var query = new GoogleListQuery(options.Value.GooglePageSize, TimeMin: started.AddDays(-options.Value.PastDays), TimeMax: started.AddDays(options.Value.FutureDays));
            GoogleEventPage page;
            try
            {
                page = await google.ListAsync(token, state.CalendarId, query with { PageToken = state.PageToken }, cancellationToken);
            }
            catch (GoogleApiException e) when (e.IsPageTokenRejected && state.PageToken is not null && !restarted)
            {
                // Google no longer knows where this full sync stopped (the page token expired): it begins again.
                LogPageTokenRejected(logger, state.AgentId);
                restarted = true;
                await StartFullAsync(state, cancellationToken);
                continue;
            }

            var last = page.NextPageToken is null;
            var progress = new PageProgress(
                page.NextPageToken, last ? page.NextSyncToken : null, state.FullSyncEvents + page.Items.Count, state.FullSyncPages + 1, time.GetUtcNow() + Lease,
                last ? new Sweep(state.Generation, started, query.TimeMin!.Value, query.TimeMax!.Value) : null);
            await writer.ApplyAsync(state, page.Items, page.TimeZone ?? "UTC", progress, cancellationToken);
            if (last)
            {
                return;
            }
        }
    }

    /// <summary>A new full sync: a new generation, its window from now, from the first page.</summary>
    private async Task StartFullAsync(GoogleSync state, CancellationToken cancellationToken)
    {
        state.Generation++;
        state.PageToken = null;
        state.FullSyncStartedAt = time.GetUtcNow();
        state.FullSyncEvents = 0;
        state.FullSyncPages = 0;
        state.State = GoogleSyncState.FullSync;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task IncrementalAsync(GoogleSync state, string token, CancellationToken cancellationToken)
    {
        string? pageToken = null;
        do
        {
            var page = await google.ListAsync(token, state.CalendarId, new GoogleListQuery(options.Value.GooglePageSize, state.SyncToken, pageToken), cancellationToken);
            pageToken = page.NextPageToken;
            // Only once every page is applied does the copy stand at the new token.
            var progress = new PageProgress(
                null, pageToken is null ? page.NextSyncToken : null, state.FullSyncEvents, state.FullSyncPages, time.GetUtcNow() + Lease, Sweep: null);
            await writer.ApplyAsync(state, page.Items, page.TimeZone ?? "UTC", progress, cancellationToken);
        }
        while (pageToken is not null);
    }

    /// <summary>A channel that cannot be opened leaves the calendar polled; it is not a failed sync.</summary>
    private async Task EnsureChannelAsync(GoogleSync state, string token, CancellationToken cancellationToken)
    {
        try
        {
            await channels.EnsureAsync(state, token, cancellationToken);
        }
        catch (Exception e) when (e is GoogleApiException or HttpRequestException)
        {
            LogWatchFailed(logger, e, state.AgentId);
        }
    }

    /// <summary>
    /// The sync is done: its state, the channel, and the next sync time in one write, under the lease. A wake-up that
    /// came during the run (a push notification, SyncNow) moved the next sync time before the lease's end: it stands.
    /// </summary>
    private async Task FinishAsync(SyncLease lease, GoogleSync state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = now + (state.ChannelId is null ? options.Value.PollInterval : options.Value.WatchedPollInterval);
        var (channelId, resourceId, channelToken, expiresAt) = (state.ChannelId, state.ChannelResourceId, state.ChannelTokenHash, state.ChannelExpiresAt);
        await db.GoogleSyncs.Where(s => s.AgentId == lease.AgentId && s.LeaseHolder == lease.Holder).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, GoogleSyncState.Synced)
            .SetProperty(x => x.LastError, (string?)null)
            .SetProperty(x => x.LastSyncedAt, now)
            .SetProperty(x => x.NextSyncAt, x => x.NextSyncAt < lease.Until && x.NextSyncAt < next ? x.NextSyncAt : next)
            .SetProperty(x => x.ChannelId, channelId)
            .SetProperty(x => x.ChannelResourceId, resourceId)
            .SetProperty(x => x.ChannelTokenHash, channelToken)
            .SetProperty(x => x.ChannelExpiresAt, expiresAt)
            .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.LeaseHolder, (Guid?)null)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken);
    }

    /// <summary>
    /// Records why the sync stopped and when to try again, under the lease. Whatever the failed attempt left in the
    /// change tracker (progress of a page not committed, its outbox events) is dropped first: only committed pages
    /// count. A retry after a failure comes no later than a wake-up during the run asked; a backoff or a needed
    /// reconnect is not cut short.
    /// </summary>
    private async Task StopAsync(SyncLease lease, GoogleSyncState to, string error, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var message = error.Length <= 1000 ? error : error[..1000];
        var now = time.GetUtcNow();
        var keepWakeUp = to == GoogleSyncState.Failed;
        await db.GoogleSyncs.Where(s => s.AgentId == lease.AgentId && s.LeaseHolder == lease.Holder).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, to)
            .SetProperty(x => x.LastError, message)
            .SetProperty(x => x.NextSyncAt, x => keepWakeUp && x.NextSyncAt < lease.Until && x.NextSyncAt < next ? x.NextSyncAt : next)
            .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.LeaseHolder, (Guid?)null)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing agent {AgentId}'s Google Calendar failed; trying again later.")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception, Guid agentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Google no longer accepts agent {AgentId}'s sync token (410): replacing the copy with a full sync.")]
    private static partial void LogFullSyncRequired(ILogger logger, Guid agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google no longer accepts agent {AgentId}'s page token: the full sync starts again.")]
    private static partial void LogPageTokenRejected(ILogger logger, Guid agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId}'s sync outlived its lease and another run took the calendar over; this run is dropped.")]
    private static partial void LogLeaseLost(ILogger logger, Guid agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a push channel for agent {AgentId}; the calendar is polled.")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, Guid agentId);
}
