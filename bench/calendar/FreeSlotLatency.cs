using AgentCalls.Bench.Support;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.TestSupport;
using FreeSlotsClient = AgentCalls.Contracts.Calendar.V1.FreeSlots.FreeSlotsClient;

namespace AgentCalls.Bench.Calendar;

/// <summary>
/// ListFreeSlots for two weeks at a time (a 15-minute call), starting on one of the next 30 days, through the gRPC
/// API of each process: the one with the Redis busy-time cache and the one without. Every range is asked of both
/// once first (so the cache holds those days, as after an agent's first look); then the same random ranges,
/// alternating between the two, one call at a time.
/// </summary>
public static class FreeSlotLatency
{
    public const int Ranges = 30;
    private const int DaysPerQuery = 14;

    public static async Task<(Latencies Cached, Latencies Uncached)> RunAsync(
        FreeSlotsClient cached, FreeSlotsClient uncached, SignedInAgent agent, int calls, CancellationToken cancellationToken)
    {
        var (withCache, withoutCache) = (new Latencies("with the Redis cache"), new Latencies("without (CacheFreeBusy=false)"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var range = 0; range < Ranges; range++)
        {
            await CheckSameAsync(cached, uncached, agent, Request(today, range), cancellationToken);
        }

        var random = new Random(7);
        for (var i = 0; i < calls; i++)
        {
            var request = Request(today, random.Next(Ranges));
            // A B, then B A: neither side always goes first.
            var order = i % 2 == 0 ? [(cached, withCache), (uncached, withoutCache)] : new[] { (uncached, withoutCache), (cached, withCache) };
            foreach (var (client, latencies) in order)
            {
                await latencies.TimeAsync(async () => await client.ListFreeSlotsAsync(request, agent.Bearer, cancellationToken: cancellationToken));
            }
        }

        return (withCache, withoutCache);
    }

    /// <summary>One request of both processes: the answers must be the same, and not empty.</summary>
    public static async Task CheckSameAsync(FreeSlotsClient cached, FreeSlotsClient uncached, SignedInAgent agent, ListFreeSlotsRequest request, CancellationToken cancellationToken)
    {
        var fromCache = await cached.ListFreeSlotsAsync(request, agent.Bearer, cancellationToken: cancellationToken);
        var fromDatabase = await uncached.ListFreeSlotsAsync(request, agent.Bearer, cancellationToken: cancellationToken);
        if (!fromCache.Equals(fromDatabase) || fromCache.Slots.Count == 0)
        {
            throw new InvalidOperationException($"Both processes must find the same slots, and some: {fromCache.Slots.Count} with the cache, {fromDatabase.Slots.Count} without.");
        }
    }

    /// <summary>Two weeks starting <paramref name="range"/> days after tomorrow (0: tomorrow), at most 100 slots of a 15-minute call.</summary>
    public static ListFreeSlotsRequest Request(DateOnly today, int range)
    {
        var first = today.AddDays(1 + range);
        var last = first.AddDays(DaysPerQuery - 1);
        return new ListFreeSlotsRequest
        {
            StartDate = new global::Google.Type.Date { Year = first.Year, Month = first.Month, Day = first.Day },
            EndDate = new global::Google.Type.Date { Year = last.Year, Month = last.Month, Day = last.Day },
            MaxSlots = 100,
            CallLengthMinutes = 15,
        };
    }
}
