using AgentCalls.Clients.Service.Data;
using AgentCalls.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentCalls.Clients.Service.Import;

/// <summary>
/// Runs queued imports, one at a time per process. Jobs live in clientsdb, so any replica can take one: a job is
/// claimed with a lease (FOR UPDATE SKIP LOCKED) that each committed batch renews. If the process dies, the lease
/// runs out and the next worker (this process after a restart, or another replica) resumes the job after its last
/// committed batch. On shutdown, or when the database drops the connection, the lease is handed back at once.
/// </summary>
public sealed partial class ImportWorker(
    IServiceScopeFactory scopes, ImportDatabase database, ImportSignal signal, IOptions<ImportOptions> options, TimeProvider time, ILogger<ImportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ClaimAsync(stoppingToken) is { } importId)
                {
                    await RunAsync(importId, stoppingToken);
                    continue;
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                LogDatabaseUnavailable(logger, e);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    private async Task<Guid?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var claim = ImportDatabase.Command(connection, """
            UPDATE imports SET status = 'Running', lease_expires_at = @lease, started_at = coalesce(started_at, @now)
            WHERE id = (SELECT id FROM imports WHERE status = 'Queued' OR (status = 'Running' AND lease_expires_at < @now)
                        ORDER BY queued_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, ("now", time.GetUtcNow()), ("lease", time.GetUtcNow() + options.Value.Lease));
        return await claim.ExecuteScalarAsync(cancellationToken) as Guid?;
    }

    private async Task RunAsync(Guid importId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<ClientsDbContext>().Imports.AsNoTracking().FirstAsync(j => j.Id == importId, stoppingToken);
        try
        {
            var status = await scope.ServiceProvider.GetRequiredService<CsvClientImporter>().RunAsync(job, stoppingToken);
            await EndAsync(importId, status, null);
            LogFinished(logger, importId, status);
        }
        catch (Exception e) when (stoppingToken.IsCancellationRequested || e is NpgsqlException { IsTransient: true })
        {
            // Shutting down, or the connection broke: the batch in flight rolled back; let the next claim resume the job.
            await ReleaseAsync(importId);
            LogInterrupted(logger, e, importId);
        }
        catch (Exception e)
        {
            await EndAsync(importId, ImportStatus.Failed, e is PostgresException postgres ? postgres.MessageText : e.Message);
            LogFailed(logger, e, importId);
        }
    }

    private async Task EndAsync(Guid importId, ImportStatus status, string? error)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await ImportDatabase.ExecuteAsync(connection,
            "UPDATE imports SET status = @status, error = @error, finished_at = @now, lease_expires_at = NULL, cancel_requested = false WHERE id = @id",
            CancellationToken.None, ("status", status.ToString()), ("error", error?[..Math.Min(error.Length, 2000)]), ("now", time.GetUtcNow()), ("id", importId));
    }

    private async Task ReleaseAsync(Guid importId)
    {
        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await ImportDatabase.ExecuteAsync(connection, "UPDATE imports SET lease_expires_at = @now WHERE id = @id AND status = 'Running'",
                CancellationToken.None, ("now", time.GetUtcNow()), ("id", importId));
        }
        catch (NpgsqlException e)
        {
            // The lease runs out by itself.
            LogDatabaseUnavailable(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import worker cannot reach the database; trying again at the next poll.")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} ended: {Status}.")]
    private static partial void LogFinished(ILogger logger, Guid importId, ImportStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId} was interrupted; it resumes after its last committed batch.")]
    private static partial void LogInterrupted(ILogger logger, Exception exception, Guid importId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid importId);
}

/// <summary>Wakes the import worker when an import is queued, instead of waiting for its next poll.</summary>
public sealed class ImportSignal : WakeUpSignal;
