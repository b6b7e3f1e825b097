namespace AgentCalls.TestSupport;

/// <summary>
/// Waits for something that happens in the background (an event relayed, a consumer's effect) by asking
/// again until it is there or the time is up. It never sleeps longer than one short interval at a time.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <param name="interval">How long to wait between asks: longer where each ask counts against a rate limit.</param>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, TimeSpan? interval = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Nothing arrived within {(timeout ?? DefaultTimeout).TotalSeconds} s.");
            }

            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    public static async Task IsTrueAsync(Func<Task<bool>> probe, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        await ReturnsAsync(async () => await probe() ? new object() : null, timeout, interval);
}
