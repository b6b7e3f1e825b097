using AgentCalls.Clients.Service.Data;
using AgentCalls.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using AgentCalls.Clients.Service.Import.Upload;

namespace AgentCalls.Clients.Service.Import.Jobs;

/// <summary>
/// Runs queued imports, <see cref="ImportOptions.Workers"/> at a time per process. Jobs live in clientsdb, so any
/// replica can take one: a job is claimed with a lease (FOR UPDATE SKIP LOCKED) that each committed batch renews. If
/// the process dies, the lease runs out and the next worker (this process after a restart, or another replica)
/// resumes the job after its last committed batch; a job whose workers died <see cref="ImportOptions.MaxAbandonedRuns"/>
/// times in a row before committing a batch is failed instead, so a file that crashes the service cannot do so
/// forever. A worker that was only slow finds its next write refused (<see cref="ImportLease"/>) and stops, so two
/// workers never both commit the same batch. On shutdown, or when the database drops the connection, the job is
/// handed back to the queue at once. Agents are served in turn: an agent with an import running gets no second worker
/// while others wait, and the agent served longest ago goes first.
/// </summary>
public sealed partial class ImportWorker(
    IServiceScopeFactory scopes, ImportDatabase database, ImportSignal signal, IOptions<ImportOptions> options, TimeProvider time, ILogger<ImportWorker> logger)
    : BackgroundService
{
    public const string UnexpectedFailure =
        "The import stopped on an unexpected error. Rows before it were imported; starting the import again resumes after them.";

    public const string AbandonedFailure =
        "The import stopped the service that ran it, more than once at the same point in the file, so it was not run again. "
        + "Rows before that point were imported; check the rows after them, or split the file, and import it again.";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
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

    /// <summary>
    /// Claims the next job, if any: queued, or running under a lease that ran out (its worker died: counted in
    /// <c>abandoned_runs</c>). Claims are taken one at a time (an advisory lock), so two workers never give one agent
    /// two jobs at once. A job abandoned too often is failed here and the next one looked for.
    /// </summary>
    private async Task<ImportLease?> ClaimAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var token = Guid.CreateVersion7();
            var now = time.GetUtcNow();
            await using var claim = ImportDatabase.Command(connection, """
                SELECT pg_advisory_xact_lock(hashtext('clients.import.claim'));
                WITH next AS (
                  SELECT i.id, i.status = 'Running' AS abandoned FROM imports i
                  WHERE (i.status = 'Queued' OR (i.status = 'Running' AND i.lease_expires_at < @now))
                    AND NOT EXISTS (SELECT 1 FROM imports r WHERE r.agent_id = i.agent_id AND r.id <> i.id AND r.status = 'Running' AND r.lease_expires_at >= @now)
                  ORDER BY (SELECT max(s.started_at) FROM imports s WHERE s.agent_id = i.agent_id) NULLS FIRST, i.queued_at
                  LIMIT 1 FOR UPDATE SKIP LOCKED)
                UPDATE imports SET status = 'Running', lease_token = @token, lease_expires_at = @lease, started_at = coalesce(started_at, @now),
                  abandoned_runs = abandoned_runs + CASE WHEN next.abandoned THEN 1 ELSE 0 END
                FROM next WHERE imports.id = next.id
                RETURNING imports.id, imports.abandoned_runs
                """, ("token", token), ("now", now), ("lease", now + options.Value.Lease));
            Guid? claimed = null;
            var abandonedRuns = 0;
            await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
            {
                // The first result is the advisory lock's.
                await reader.NextResultAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    (claimed, abandonedRuns) = (reader.GetGuid(reader.GetOrdinal("id")), reader.GetInt32(reader.GetOrdinal("abandoned_runs")));
                }
            }

            await transaction.CommitAsync(cancellationToken);
            if (claimed is not { } importId)
            {
                return null;
            }

            var lease = new ImportLease(importId, token);
            if (abandonedRuns < options.Value.MaxAbandonedRuns)
            {
                return lease;
            }

            await EndAsync(lease, ImportStatus.Failed, AbandonedFailure, deleteFile: false);
            LogAbandoned(logger, importId, abandonedRuns);
        }
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
            await lease.WriteAsync(connection, """
                UPDATE imports SET status = @status, error = @error, finished_at = @now, lease_expires_at = NULL, lease_token = NULL, cancel_requested = false
                WHERE id = @lease_import AND lease_token = @lease_token
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

    /// <summary>Hands the job back to the queue (not abandoned: this worker stopped on purpose or lost its connection).</summary>
    private async Task ReleaseAsync(ImportLease lease)
    {
        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await lease.WriteAsync(connection, """
                UPDATE imports SET status = 'Queued', lease_expires_at = NULL, lease_token = NULL WHERE id = @lease_import AND lease_token = @lease_token AND status = 'Running'
                """, CancellationToken.None);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} was failed: its workers died {AbandonedRuns} times in a row before committing a batch.")]
    private static partial void LogAbandoned(ILogger logger, Guid importId, int abandonedRuns);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid importId);
}

/// <summary>Wakes the import worker when an import is queued, instead of waiting for its next poll.</summary>
public sealed class ImportSignal : WakeUpSignal;
