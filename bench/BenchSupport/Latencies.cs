using System.Diagnostics;

namespace AgentCalls.Bench.Support;

/// <summary>
/// The latencies of one kind of call, in milliseconds, each timed from send to answer. One caller's: callers in flight
/// together keep one each (it is not thread-safe) and pool them with <see cref="AddRange"/>.
/// </summary>
public sealed class Latencies(string name)
{
    private readonly List<double> milliseconds = [];

    public string Name { get; } = name;

    public int Count => milliseconds.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>A latency measured some other way (from timestamps).</summary>
    public void Add(double latencyMilliseconds) => milliseconds.Add(latencyMilliseconds);

    public void AddRange(Latencies other) => milliseconds.AddRange(other.milliseconds);

    /// <summary>The latency at or below which <paramref name="fraction"/> of the calls finished (nearest rank).</summary>
    public double Percentile(double fraction)
    {
        if (milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);
}
