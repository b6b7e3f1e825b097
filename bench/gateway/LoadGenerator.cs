using System.Diagnostics;

namespace AgentCalls.Bench.Gateway;

/// <summary>
/// A closed loop: <c>concurrency</c> callers, each sending the next request as soon as the last one's body has
/// arrived, until the time is up. Every request's latency is kept (send to last byte, Stopwatch ticks).
/// </summary>
public static class LoadGenerator
{
    public static async Task<Sample> RunAsync(HttpClient client, string path, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var callers = await Task.WhenAll(Enumerable.Range(0, concurrency)
            .Select(_ => Task.Run(() => CallUntilAsync(client, path, deadline, cancellationToken), cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return Sample.Of(callers.SelectMany(c => c.Latencies), callers.Sum(c => c.Errors), callers.Select(c => c.LastError).LastOrDefault(e => e is not null), elapsed, cpu);
    }

    private static async Task<Caller> CallUntilAsync(HttpClient client, string path, long deadline, CancellationToken cancellationToken)
    {
        var caller = new Caller();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                // GetAsync returns once the whole body is read (HttpCompletionOption.ResponseContentRead).
                using var response = await client.GetAsync(path, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    caller.Latencies.Add(Stopwatch.GetTimestamp() - sent);
                    continue;
                }

                caller.LastError = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException error)
            {
                caller.LastError = error.Message;
            }

            caller.Errors++;
        }

        return caller;
    }

    private sealed class Caller
    {
        public List<long> Latencies { get; } = new(capacity: 16_384);

        public int Errors { get; set; }

        public string? LastError { get; set; }
    }
}
