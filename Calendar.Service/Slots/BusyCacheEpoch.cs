using StackExchange.Redis;

namespace AgentCalls.Calendar.Service.Slots;

/// <summary>
/// Bumps the busy-time cache's epoch whenever this process (re)gains Redis: a change made while Redis did not answer
/// could not invalidate its agent's cached days, so every cached day from before is dropped at once. Also at start, for
/// a process that began, or began again, while Redis was down.
/// </summary>
public sealed partial class BusyCacheEpoch(IConnectionMultiplexer redis, ILogger<BusyCacheEpoch> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored += OnConnectionRestored;
        await BumpAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnConnectionRestored;
        return Task.CompletedTask;
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs args) => _ = BumpAsync();

    private async Task BumpAsync()
    {
        try
        {
            var epoch = await redis.GetDatabase().StringIncrementAsync(BusyTimes.EpochKey);
            LogEpochBumped(logger, epoch);
        }
        catch (RedisException e)
        {
            // Redis is still away; the next restored connection bumps the epoch.
            LogEpochNotBumped(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Busy-time cache epoch is now {Epoch}: days cached before are no longer read")]
    private static partial void LogEpochBumped(ILogger logger, long epoch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Busy-time cache epoch not bumped ({Error}); it will be when Redis is back")]
    private static partial void LogEpochNotBumped(ILogger logger, string error);
}
