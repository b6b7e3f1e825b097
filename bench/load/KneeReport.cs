namespace AgentCalls.Bench.Load;

/// <summary>
/// One path's steps as a table beside its baseline (the first step, one connection), its knee, and whether any
/// request failed at or below the knee.
/// </summary>
public static class KneeReport
{
    /// <summary>The knee is the first step whose throughput is at least this share of the peak step's.</summary>
    public const double ShareOfPeak = 0.90;

    public static void PrintColumns() =>
        Console.WriteLine($"  {"in flight",9} {"requests",9} {"req/s",8} {"vs 1st",7} {"p50 ms",8} {"p99 ms",8} {"vs 1st",7} {"non-2xx",8} {"no reply",9}");

    public static void PrintStep(Step step, Step first) =>
        Console.WriteLine(
            $"  {step.Concurrency,9} {step.Succeeded,9} {step.RequestsPerSecond,8:F0} {step.RequestsPerSecond / first.RequestsPerSecond,6:F2}x {step.P50Ms,8:F1} {step.P99Ms,8:F1} {step.P99Ms / first.P99Ms,6:F2}x {step.Non2xx,8} {step.NoResponse,9}");

    /// <summary>
    /// The knee: the first step (lowest concurrency) whose throughput is within 10% of the highest throughput of any
    /// step, where adding requests in flight stops adding throughput and only adds latency. A rule on the plateau,
    /// not on step-to-step rises, so one noisy step on a shared machine does not end it early; p99 is printed beside
    /// the first step's, not part of the rule (one connection's p99 on a busy machine is scheduling noise).
    /// </summary>
    public static int KneeIndex(IReadOnlyList<Step> steps)
    {
        var peak = steps.Max(step => step.RequestsPerSecond);
        return steps.ToList().FindIndex(step => step.RequestsPerSecond >= ShareOfPeak * peak);
    }

    /// <summary>Prints the knee and the failures; returns whether every request at or below the knee succeeded.</summary>
    public static bool PrintKnee(IReadOnlyList<Step> steps)
    {
        var (first, index) = (steps[0], KneeIndex(steps));
        var knee = steps[index];
        var peak = steps.MaxBy(step => step.RequestsPerSecond)!;
        Console.WriteLine(
            $"  knee: {knee.Concurrency} in flight, {knee.RequestsPerSecond:F0} req/s = {knee.RequestsPerSecond / first.RequestsPerSecond:F2}x {first.Concurrency} in flight's, p99 {knee.P99Ms:F1} ms = {knee.P99Ms / first.P99Ms:F2}x {first.Concurrency} in flight's"
            + (index == steps.Count - 1 ? " (the last step: the knee is here or beyond)" : ""));
        Console.WriteLine($"  peak: {peak.RequestsPerSecond:F0} req/s at {peak.Concurrency} in flight = {peak.RequestsPerSecond / knee.RequestsPerSecond:F2}x the knee's, p99 {peak.P99Ms:F1} ms = {peak.P99Ms / knee.P99Ms:F2}x the knee's");

        var failedBelow = steps.Take(index + 1).Where(step => step.Failed > 0).ToList();
        var failedAbove = steps.Skip(index + 1).Where(step => step.Failed > 0).ToList();
        Console.WriteLine(failedBelow.Count == 0
            ? $"  no request failed at or below the knee ({steps.Take(index + 1).Sum(step => step.Succeeded)} requests)"
            : $"  FAILED at or below the knee: {Failures(failedBelow)}");
        Console.WriteLine(failedAbove.Count == 0
            ? "  no request failed above the knee either"
            : $"  failed above the knee: {Failures(failedAbove)}");
        return failedBelow.Count == 0;
    }

    private static string Failures(IEnumerable<Step> steps) =>
        string.Join(" | ", steps.Select(step => $"{step.Concurrency} in flight: {step.Failures}"));
}
