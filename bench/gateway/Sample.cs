using System.Diagnostics;

namespace AgentCalls.Bench.Gateway;

/// <summary>What one side did in one or more timed runs: successful requests, failures, time, and sorted latencies.</summary>
public sealed class Sample
{
    private readonly long[] sortedTicks;

    private Sample(long[] sortedTicks, int errors, string? lastError, TimeSpan elapsed, TimeSpan clientCpu)
    {
        this.sortedTicks = sortedTicks;
        Errors = errors;
        LastError = lastError;
        Elapsed = elapsed;
        ClientCpu = clientCpu;
    }

    public int Requests => sortedTicks.Length;

    public int Errors { get; }

    public string? LastError { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>CPU time the load generator itself used meanwhile: near 100% of its one core means it, not the server, was the limit.</summary>
    public TimeSpan ClientCpu { get; }

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double ClientCpuShare => ClientCpu / Elapsed;

    public static Sample Of(IEnumerable<long> latencyTicks, int errors, string? lastError, TimeSpan elapsed, TimeSpan clientCpu)
    {
        var sorted = latencyTicks.ToArray();
        Array.Sort(sorted);
        return new Sample(sorted, errors, lastError, elapsed, clientCpu);
    }

    /// <summary>Several runs as one: requests and time add up, latencies pool.</summary>
    public static Sample Combine(IReadOnlyCollection<Sample> samples) => Of(
        samples.SelectMany(s => s.sortedTicks),
        samples.Sum(s => s.Errors),
        samples.Select(s => s.LastError).LastOrDefault(e => e is not null),
        TimeSpan.FromTicks(samples.Sum(s => s.Elapsed.Ticks)),
        TimeSpan.FromTicks(samples.Sum(s => s.ClientCpu.Ticks)));

    /// <summary>The latency at or below which <paramref name="fraction"/> of the requests finished (nearest rank), in ms.</summary>
    public double PercentileMs(double fraction)
    {
        if (sortedTicks.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(fraction * sortedTicks.Length) - 1;
        return sortedTicks[Math.Clamp(rank, 0, sortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
