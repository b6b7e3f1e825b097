using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentCalls.Clients.Service.Import.Jobs;

/// <summary>
/// Removes import files nobody will import for real: an upload never started, a dry run, a failed or cancelled
/// import, once <see cref="ImportOptions.FileRetention"/> has passed since it was last used. An upload never started
/// goes whole (nothing of it was ever run); the others keep their record, counts and error report, marked as having
/// no file. A real import that succeeded removed its file when it ended.
/// </summary>
public sealed partial class ImportPurge(ImportDatabase database, IOptions<ImportOptions> options, TimeProvider time, ILogger<ImportPurge> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        do
        {
            try
            {
                var (unstarted, files) = await PurgeAsync(stoppingToken);
                if (unstarted + files > 0)
                {
                    LogPurged(logger, unstarted, files);
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                LogDatabaseUnavailable(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: how many unstarted uploads were deleted, and how many other imports lost their file.</summary>
    public async Task<(int Unstarted, int Files)> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = now - options.Value.FileRetention;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Chunks go with their import (ON DELETE CASCADE).
        var unstarted = await ImportDatabase.ExecuteAsync(connection,
            "DELETE FROM imports WHERE status = 'Uploaded' AND created_at < @before", cancellationToken, ("before", before));
        var files = await ImportDatabase.ExecuteAsync(connection, """
            UPDATE imports SET file_removed_at = @now
            WHERE file_removed_at IS NULL AND finished_at < @before AND (status IN ('Failed', 'Cancelled') OR (status = 'Succeeded' AND dry_run))
            """, cancellationToken, ("now", now), ("before", before));
        await ImportDatabase.ExecuteAsync(connection, """
            DELETE FROM import_file_chunks c USING imports i WHERE c.import_id = i.id AND i.file_removed_at IS NOT NULL
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (unstarted, files);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import files past their retention removed: {Unstarted} uploads never started, and the files of {Files} other imports.")]
    private static partial void LogPurged(ILogger logger, int unstarted, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import purge cannot reach the database; trying again at the next interval.")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);
}
