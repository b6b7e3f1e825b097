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
/// committed batch. A worker that was only slow finds its next write refused (<see cref="ImportLease"/>) and stops,
/// so two workers never both commit the same batch. On shutdown, or when the database drops the connection, the lease
/// is handed back at once.
/// </summary>
public sealed partial class ImportWorker(
    IServiceScopeFactory scopes, ImportDatabase database, ImportSignal signal, IOptions<ImportOptions> options, TimeProvider time, ILogger<ImportWorker> logger)
    : BackgroundService
{
    public const string UnexpectedFailure =
        "The import stopped on an unexpected error. Rows before it were imported; starting the import again resumes after them.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ClaimAsync(stoppingToken) is { } lease)
                {
                    await RunAsync(lease, stoppingToken);
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

    private async Task<ImportLease?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var token = Guid.CreateVersion7();
        await using var claim = ImportDatabase.Command(connection, """
            UPDATE imports SET status = 'Running', lease_token = @token, lease_expires_at = @lease, started_at = coalesce(started_at, @now)
            WHERE id = (SELECT id FROM imports WHERE status = 'Queued' OR (status = 'Running' AND lease_expires_at < @now)
                        ORDER BY queued_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, ("token", token), ("now", time.GetUtcNow()), ("lease", time.GetUtcNow() + options.Value.Lease));
        return await claim.ExecuteScalarAsync(cancellationToken) is Guid importId ? new ImportLease(importId, token) : null;
    }

    private async Task RunAsync(ImportLease lease, CancellationToken stoppingToken)
    {
        var importId = lease.ImportId;
        await using var scope = scopes.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<ClientsDbContext>().Imports.AsNoTracking().FirstAsync(j => j.Id == importId, stoppingToken);
        try
        {
            var status = await scope.ServiceProvider.GetRequiredService<CsvClientImporter>().RunAsync(job, lease, stoppingToken);
            await EndAsync(lease, status, null, deleteFile: status == ImportStatus.Succeeded && !job.DryRun);
            LogFinished(logger, importId, status);
        }
        catch (ImportLeaseLostException e)
        {
            // Another worker took the job over when our lease ran out; what we had not committed rolled back, and the job is theirs.
            LogTakenOver(logger, e, importId);
        }
        catch (Exception e) when (stoppingToken.IsCancellationRequested || e is NpgsqlException { IsTransient: true })
        {
            // Shutting down, or the connection broke: the batch in flight rolled back; let the next claim resume the job.
            await ReleaseAsync(lease);
            LogInterrupted(logger, e, importId);
        }
        catch (ImportFileRejectedException e)
        {
            await EndAsync(lease, ImportStatus.Failed, e.Message, deleteFile: false);
            LogFailed(logger, e, importId);
        }
        catch (Exception e)
        {
            // The exception's own text names tables, constraints and sometimes values: it goes to the log, not to the agent.
            await EndAsync(lease, ImportStatus.Failed, UnexpectedFailure, deleteFile: false);
            LogFailed(logger, e, importId);
        }
    }

    /// <summary>Records how the run ended, while the lease holds; a real run that succeeded cannot run again, so its file goes.</summary>
    private async Task EndAsync(ImportLease lease, ImportStatus status, string? error, bool deleteFile)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            await lease.WriteAsync(connection, $"""
                UPDATE imports SET status = @status, error = @error, finished_at = @now, lease_expires_at = NULL, lease_token = NULL, cancel_requested = false
                WHERE {ImportLease.Job}
                """, CancellationToken.None, ("status", status.ToString()), ("error", error?[..Math.Min(error.Length, 2000)]), ("now", time.GetUtcNow()));
            if (deleteFile)
            {
                await ImportDatabase.ExecuteAsync(connection, "DELETE FROM import_file_chunks WHERE import_id = @id", CancellationToken.None, ("id", lease.ImportId));
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (ImportLeaseLostException e)
        {
            LogTakenOver(logger, e, lease.ImportId);
        }
    }

    private async Task ReleaseAsync(ImportLease lease)
    {
        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await lease.WriteAsync(connection, $"UPDATE imports SET lease_expires_at = @now WHERE {ImportLease.Job} AND status = 'Running'",
                CancellationToken.None, ("now", time.GetUtcNow()));
        }
        catch (NpgsqlException e)
        {
            // The lease runs out by itself.
            LogDatabaseUnavailable(logger, e);
        }
        catch (ImportLeaseLostException)
        {
            // Already someone else's.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import worker cannot reach the database; trying again at the next poll.")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} ended: {Status}.")]
    private static partial void LogFinished(ILogger logger, Guid importId, ImportStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId} was interrupted; it resumes after its last committed batch.")]
    private static partial void LogInterrupted(ILogger logger, Exception exception, Guid importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId} was taken over by another worker after this one's lease ran out; this one stopped.")]
    private static partial void LogTakenOver(ILogger logger, Exception exception, Guid importId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid importId);
}

/// <summary>Wakes the import worker when an import is queued, instead of waiting for its next poll.</summary>
public sealed class ImportSignal : WakeUpSignal;
