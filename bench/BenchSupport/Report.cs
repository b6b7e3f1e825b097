namespace AgentCalls.Bench.Support;

/// <summary>The lines every benchmark ends with: a section title, and each target with what was measured and whether it was met.</summary>
public static class Report
{
    public static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
    }

    public static void LatencyColumns() => Console.WriteLine($"  {"",-34} {"calls",6} {"p50 ms",8} {"p95 ms",8}");

    public static void Latency(Latencies latencies) =>
        Console.WriteLine($"  {latencies.Name,-34} {latencies.Count,6} {latencies.P50,8:F2} {latencies.P95,8:F2}");

    public static void Target(string target, string measured, bool met) =>
        Console.WriteLine($"Target: {target,-52} {measured,12}  {(met ? "met" : "NOT met")}");
}
