using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>
/// Transcribes uploaded recordings one at a time per process. Jobs live in transcriptiondb, so any replica can take one,
/// under a lease that each progress write renews. On shutdown the lease is handed back at once; if the process dies, the
/// lease lapses. Either way the next claim (this process after a restart, or another replica) runs the job again from
/// the start, so a job never vanishes. A file that cannot be decoded fails with its reason; so does one whose workers
/// died with it <see cref="RecordingsOptions.MaxAbandonedRuns"/> times (it may be what kills them).
/// </summary>
public sealed partial class RecordingWorker(IServiceScopeFactory scopes, RecordingSignal signal, IOptions<RecordingsOptions> options, ILogger<RecordingWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunNextAsync(stoppingToken))
                {
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
            catch (Exception e)
            {
                // One job's trouble must not stop the host (a failed BackgroundService does): the job's lease lapses and it runs again.
                LogUnexpected(logger, e);
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<RecordingLeases>();
        if (await leases.ClaimAsync(stoppingToken) is not { } lease)
        {
            return false;
        }

        if (lease.AbandonedRuns >= options.Value.MaxAbandonedRuns)
        {
            await leases.FailAsync(lease, AbandonedFailure(lease.AbandonedRuns), stoppingToken);
            LogAbandoned(logger, lease.JobId, lease.AbandonedRuns);
            return true;
        }

        try
        {
            await RunAsync(scope.ServiceProvider, leases, lease, stoppingToken);
        }
        catch (RecordingLeaseLostException e)
        {
            LogLost(logger, e, lease.JobId);
        }

        return true;
    }

    private async Task RunAsync(IServiceProvider services, RecordingLeases leases, RecordingLease lease, CancellationToken stoppingToken)
    {
        try
        {
            await services.GetRequiredService<RecordingTranscriber>().RunAsync(lease, stoppingToken);
            LogCompleted(logger, lease.JobId);
        }
        catch (Exception e) when (e is not RecordingLeaseLostException && (stoppingToken.IsCancellationRequested || e is NpgsqlException { IsTransient: true }))
        {
            await leases.ReleaseAsync(lease, CancellationToken.None);
            LogInterrupted(logger, e, lease.JobId);
        }
        catch (InvalidDataException e)
        {
            await leases.FailAsync(lease, e.Message, CancellationToken.None);
            LogFailed(logger, e, lease.JobId);
        }
        catch (Exception e) when (e is not (NpgsqlException or RecordingLeaseLostException))
        {
            await leases.FailAsync(lease, "The recording could not be transcribed; upload it again.", CancellationToken.None);
            LogFailed(logger, e, lease.JobId);
        }
    }

    /// <summary>What the agent reads on a recording whose workers died with it too often.</summary>
    public static string AbandonedFailure(int runs) =>
        $"Transcribing this recording stopped the service {runs} times, so it was not tried again; upload it again, or in another format.";

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {JobId} failed: its workers died with it {AbandonedRuns} times.")]
    private static partial void LogAbandoned(ILogger logger, Guid jobId, int abandonedRuns);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The recording worker cannot reach the database; trying again at the next poll.")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The recording worker failed unexpectedly; it goes on at the next poll.")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording {JobId} transcribed.")]
    private static partial void LogCompleted(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording {JobId} is no longer this worker's (deleted, or taken over after the lease lapsed).")]
    private static partial void LogLost(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {JobId} was interrupted; it runs again at the next claim.")]
    private static partial void LogInterrupted(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {JobId} could not be transcribed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId);
}
