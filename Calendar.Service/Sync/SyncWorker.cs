using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Google;
using AgentCalls.Calendar.Service.Hosting;
using AgentCalls.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// Runs the syncs that are due: claims one calendar whose next sync time has come at a time (a lease in its row,
/// taken with SKIP LOCKED, so replicas share the work and never sync one calendar twice at once; claiming one at a
/// time, no claim waits out its lease behind other calendars' syncs), syncs it, and sleeps when none is due until the
/// next look or until woken. Needs this service's own client at Identity; without it nothing is synced
/// in the background.
/// </summary>
public sealed partial class SyncWorker(
    IServiceScopeFactory scopes, SyncSignal signal, ServiceTokenSource serviceTokens, IOptions<CalendarOptions> options,
    TimeProvider time, ILogger<SyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!serviceTokens.IsConfigured)
        {
            LogDisabled(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var due = 0;
            try
            {
                due = await RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, e);
            }

            if (due == 0)
            {
                await signal.WaitAsync(options.Value.SchedulerInterval, stoppingToken);
            }
        }
    }

    /// <summary>Claims the calendar due longest and syncs it; returns how many it synced (0 or 1).</summary>
    private async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        SyncLease? lease;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CalendarDbContext>();
            var now = time.GetUtcNow();
            var until = now + SyncRunner.Lease;
            var holder = Guid.NewGuid();
            var claimed = await db.Database.SqlQuery<Guid>($"""
                UPDATE google_syncs SET lease_until = {until}, lease_holder = {holder}, next_sync_at = {until}
                WHERE agent_id = (
                    SELECT agent_id FROM google_syncs
                    WHERE next_sync_at <= {now} AND (lease_until IS NULL OR lease_until < {now})
                    ORDER BY next_sync_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING agent_id AS "Value"
                """).ToListAsync(cancellationToken);
            lease = claimed is [var agentId] ? new SyncLease(agentId, holder, until) : null;
        }

        if (lease is null)
        {
            return 0;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<SyncRunner>().RunAsync(lease, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The lease lapses and the sync is tried again.
                LogRunFailed(logger, e, lease.AgentId);
            }
        }

        return 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar:ServiceClientSecret is not set: Identity hands Google access tokens only to this service's own client, so Google Calendar cannot be used (the local calendar still works).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for due calendar syncs failed.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Syncing agent {AgentId}'s calendar failed unexpectedly.")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid agentId);
}
