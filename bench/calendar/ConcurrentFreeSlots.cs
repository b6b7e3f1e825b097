using System.Diagnostics;
using AgentCalls.Bench.Support;
using AgentCalls.TestSupport;
using FreeSlotsClient = AgentCalls.Contracts.Calendar.V1.FreeSlots.FreeSlotsClient;

namespace AgentCalls.Bench.Calendar;

/// <summary>
/// ListFreeSlots with several calls in flight, each caller a different agent asking about its own calendar, against
/// the process with the Redis busy-time cache and the one without. Every agent's ranges are first asked of both once,
/// and the answers must agree (this also fills the cache, as the agents' first looks would). Then, at each load, a
/// closed loop per side for a fixed time (each caller sends its next call as soon as the last is answered), the
/// sides alternating from one step to the next (A B, B A, ...).
/// </summary>
public static class ConcurrentFreeSlots
{
    public static async Task<List<ConcurrentLoad>> RunAsync(
        FreeSlotsClient cached, FreeSlotsClient uncached, IReadOnlyList<SignedInAgent> agents, BenchOptions options, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Task.WhenAll(agents.Select(async agent =>
        {
            for (var range = 0; range < FreeSlotLatency.Ranges; range++)
            {
                await FreeSlotLatency.CheckSameAsync(cached, uncached, agent, FreeSlotLatency.Request(today, range), cancellationToken);
            }
        }));

        var loads = new List<ConcurrentLoad>();
        var step = 0;
        foreach (var inFlight in options.InFlight)
        {
            var load = new ConcurrentLoad(inFlight);
            for (var round = 0; round < options.Rounds; round++, step++)
            {
                var order = step % 2 == 0 ? [(cached, load.Cached), (uncached, load.Uncached)] : new[] { (uncached, load.Uncached), (cached, load.Cached) };
                foreach (var (client, side) in order)
                {
                    await side.RunAsync(client, agents.Take(inFlight), today, options.StepTime, cancellationToken);
                }
            }

            loads.Add(load);
        }

        return loads;
    }
}

/// <summary>One load (calls in flight) and what each side did at it, over all its rounds.</summary>
public sealed class ConcurrentLoad(int inFlight)
{
    public int InFlight { get; } = inFlight;

    public ClosedLoop Cached { get; } = new("with the Redis cache");

    public ClosedLoop Uncached { get; } = new("without (CacheFreeBusy=false)");
}

/// <summary>One side's calls at one load: each caller's latencies pooled, and the time they ran, for requests per second.</summary>
public sealed class ClosedLoop(string name)
{
    public Latencies Latencies { get; } = new(name);

    public TimeSpan Elapsed { get; private set; }

    public double RequestsPerSecond => Latencies.Count / Elapsed.TotalSeconds;

    /// <summary>One caller per agent, each asking random ranges of its own calendar until <paramref name="duration"/> is up.</summary>
    public async Task RunAsync(FreeSlotsClient client, IEnumerable<SignedInAgent> agents, DateOnly today, TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var callers = await Task.WhenAll(agents.Select((agent, i) => Task.Run(async () =>
        {
            var calls = new Latencies(agent.DisplayName);
            // The same sequence of ranges for a caller on either side.
            var random = new Random(i);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var request = FreeSlotLatency.Request(today, random.Next(FreeSlotLatency.Ranges));
                await calls.TimeAsync(async () => await client.ListFreeSlotsAsync(request, agent.Bearer, cancellationToken: cancellationToken));
            }

            return calls;
        }, cancellationToken)));
        Elapsed += Stopwatch.GetElapsedTime(started);
        foreach (var calls in callers)
        {
            Latencies.AddRange(calls);
        }
    }
}
