using AgentCalls.Transcription.Service.Speech;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentCalls.Transcription.Service.Streaming;

/// <summary>Runs <see cref="AbandonedStreams"/> once per metering interval, in every replica.</summary>
public sealed partial class AbandonedStreamSweeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<TranscriptionOptions> options, ILogger<AbandonedStreamSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MeteringInterval, time);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (await scope.ServiceProvider.GetRequiredService<AbandonedStreams>().EndAsync(stoppingToken) is var ended and > 0)
                    {
                        LogEnded(logger, ended);
                    }
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    LogDatabaseUnavailable(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended {Count} live stream job(s) left running by a process that stopped")]
    private static partial void LogEnded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sweep abandoned live streams: the database is unavailable")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);
}
