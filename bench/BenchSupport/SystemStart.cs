namespace AgentCalls.Bench.Support;

public static class SystemStart
{
    /// <summary>Runs <paramref name="start"/> on <paramref name="system"/>; if it fails part way, stops what it had started.</summary>
    public static async Task<T> OrDisposeAsync<T>(T system, Func<T, Task> start) where T : IAsyncDisposable
    {
        try
        {
            await start(system);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }
}
