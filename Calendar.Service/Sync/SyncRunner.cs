using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Google;
using AgentCalls.Calendar.Service.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// One sync of one agent's Google Calendar, with this service's own Google access for the agent. Without a sync
/// token (or while a full sync is under way) it reads the window (PastDays back, FutureDays ahead, recurring
/// events expanded) page by page, saving each page with the progress so an interrupted full sync resumes where it
/// stopped, and removes at the end what it did not see. With a sync token it applies the changes since. A token
/// Google no longer accepts (410) starts a full sync that replaces the copy. Rate limits postpone the sync to the
/// Retry-After; a revoked grant stops syncing until the agent reconnects; other failures are tried again later.
/// </summary>
public sealed partial class SyncRunner(
    CalendarDbContext db, GoogleCalendarClient google, GoogleAccessTokens tokens, GooglePageWriter writer, WatchChannels channels,
    IOptions<CalendarOptions> options, TimeProvider time, ILogger<SyncRunner> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DefaultBackoff = TimeSpan.FromSeconds(30);

    public async Task RunAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var state = await db.GoogleSyncs.FirstOrDefaultAsync(s => s.AgentId == agentId, cancellationToken);
        if (state is null)
        {
            return;
        }

        try
        {
            var token = await tokens.ForAgentAsync(agentId, cancellationToken);
            await SyncAsync(state, token, cancellationToken);
            await EnsureChannelAsync(state, token, cancellationToken);
            var now = time.GetUtcNow();
            state.State = GoogleSyncState.Synced;
            state.LastError = null;
            state.LastSyncedAt = now;
            state.NextSyncAt = now + (state.ChannelId is null ? options.Value.PollInterval : options.Value.WatchedPollInterval);
            state.LeaseUntil = null;
            state.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        catch (GoogleAccessUnavailableException e) when (!e.MustReconnect)
        {
            // Disconnected, and the event saying so has not arrived yet: the same as when it does.
            db.ChangeTracker.Clear();
            await GoogleCalendarForgetting.ForgetAsync(db, agentId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        catch (GoogleAccessUnavailableException e)
        {
            await StopAsync(agentId, GoogleSyncState.ReconnectRequired, e.Message, next: null, cancellationToken);
        }
        catch (GoogleApiException e) when (e.IsMissingPermission)
        {
            await StopAsync(agentId, GoogleSyncState.ReconnectRequired, "Google did not grant AgentCalls access to the calendar. Connect Google Calendar again and allow it.", next: null, cancellationToken);
        }
        catch (GoogleApiException e) when (e.IsRateLimited)
        {
            var wait = e.RetryAfter ?? DefaultBackoff;
            await StopAsync(agentId, GoogleSyncState.BackingOff, $"Google asked AgentCalls to slow down; syncing again in {Math.Ceiling(wait.TotalSeconds)} s.", time.GetUtcNow() + wait, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Google or Identity unreachable, a timeout, an answer not understood, a page the database refused: the copy
            // stays as the last committed page left it, and the next try starts from there.
            LogSyncFailed(logger, e, agentId);
            await StopAsync(agentId, GoogleSyncState.Failed, $"The last sync failed: {e.Message}", time.GetUtcNow() + Min(options.Value.PollInterval, TimeSpan.FromMinutes(1)), cancellationToken);
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
        if (state.PageToken is null)
        {
            state.Generation++;
            state.FullSyncEvents = 0;
            state.FullSyncPages = 0;
            state.State = GoogleSyncState.FullSync;
            await db.SaveChangesAsync(cancellationToken);
        }

        var now = time.GetUtcNow();
        var query = new GoogleListQuery(options.Value.GooglePageSize, TimeMin: now.AddDays(-options.Value.PastDays), TimeMax: now.AddDays(options.Value.FutureDays));
        while (true)
        {
            var page = await google.ListAsync(token, state.CalendarId, query with { PageToken = state.PageToken }, cancellationToken);
            var last = page.NextPageToken is null;
            var progress = new PageProgress(
                page.NextPageToken, last ? page.NextSyncToken : null, state.FullSyncEvents + page.Items.Count, state.FullSyncPages + 1, time.GetUtcNow() + Lease, EndsFullSync: last);
            await writer.ApplyAsync(state, page.Items, page.TimeZone ?? "UTC", progress, cancellationToken);
            if (last)
            {
                return;
            }
        }
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
                null, pageToken is null ? page.NextSyncToken : null, state.FullSyncEvents, state.FullSyncPages, time.GetUtcNow() + Lease, EndsFullSync: false);
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
    /// Records why the sync stopped and when to try again. Whatever the failed attempt left in the change tracker
    /// (progress of a page not committed, its outbox events) is dropped first: only committed pages count.
    /// </summary>
    private async Task StopAsync(Guid agentId, GoogleSyncState to, string error, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var message = error.Length <= 1000 ? error : error[..1000];
        var now = time.GetUtcNow();
        await db.GoogleSyncs.Where(s => s.AgentId == agentId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, to)
            .SetProperty(x => x.LastError, message)
            .SetProperty(x => x.NextSyncAt, next)
            .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.UpdatedAt, now), cancellationToken);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing agent {AgentId}'s Google Calendar failed; trying again later.")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception, Guid agentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Google no longer accepts agent {AgentId}'s sync token (410): replacing the copy with a full sync.")]
    private static partial void LogFullSyncRequired(ILogger logger, Guid agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a push channel for agent {AgentId}; the calendar is polled.")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, Guid agentId);
}
