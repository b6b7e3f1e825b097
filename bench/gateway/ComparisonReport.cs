using AgentCalls.Bench.Support;

namespace AgentCalls.Bench.Gateway;

/// <summary>
/// Prints each round as it ends, then all rounds pooled side by side: requests/s as a ratio, p50/p99 as the
/// latency the gateway adds, and whether the issue's targets are met.
/// </summary>
public sealed class ComparisonReport(IReadOnlyList<Load> loads)
{
    private const double ThroughputTarget = 0.5;
    private const double AddedP50TargetMs = 1.0;
    private readonly Dictionary<(Load Load, string Side), List<Sample>> samples = [];

    public void PrintHeader(BenchOptions options)
    {
        Console.WriteLine($"Gateway benchmark: GET {Comparison.PathAndQuery} with a bearer token, the same call on both sides");
        Console.WriteLine($"  direct   {options.Service}  Transcription.Service's REST face (gRPC JSON transcoding): HTTP/2 cleartext, prior knowledge, one multiplexed connection");
        Console.WriteLine($"  gateway  {options.Gateway}  the YARP gateway: HTTP/1.1, one connection per request in flight; it forwards over HTTP/2 to the same service endpoint");
        Console.WriteLine($"  rounds: {options.Rounds}, each {options.Seconds} s per side and load, sides alternating (A B, B A, ...), after {options.WarmupSeconds} s warm-up per side; load generator on {CpuAffinity.Current()}");
    }

    public void PrintColumns() =>
        Console.WriteLine($"{"round",5}  {"load",-13} {"side",-8} {"requests",9} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"errors",7} {"client CPU",11}");

    public void Add(int round, Load load, string side, Sample sample)
    {
        if (!samples.TryGetValue((load, side), out var list))
        {
            samples[(load, side)] = list = [];
        }

        list.Add(sample);
        Console.WriteLine(
            $"{round,5}  {load.Name,-13} {side,-8} {sample.Requests,9} {sample.RequestsPerSecond,8:F0} {sample.PercentileMs(0.50),8:F2} {sample.PercentileMs(0.99),8:F2} {sample.Errors,7} {sample.ClientCpuShare * 100,10:F0}%");
    }

    /// <summary>Prints the comparison; returns the exit code: 1 when any request failed (the numbers do not stand), else 0.</summary>
    public int PrintSummary()
    {
        var pooled = loads.ToDictionary(load => load, load => new Pair(Sample.Combine(samples[(load, "direct")]), Sample.Combine(samples[(load, "gateway")])));
        Console.WriteLine();
        Console.WriteLine($"{"All rounds pooled",-28} {"direct",9} {"gateway",9}   gateway vs direct");
        foreach (var (load, pair) in pooled)
        {
            Console.WriteLine(load.Name);
            Console.WriteLine($"  {"requests/s",-26} {pair.Direct.RequestsPerSecond,9:F0} {pair.Gateway.RequestsPerSecond,9:F0}   {pair.Ratio:F2}x");
            Console.WriteLine($"  {"p50 ms",-26} {pair.Direct.PercentileMs(0.50),9:F2} {pair.Gateway.PercentileMs(0.50),9:F2}   {pair.AddedMs(0.50):+0.00;-0.00} ms");
            Console.WriteLine($"  {"p99 ms",-26} {pair.Direct.PercentileMs(0.99),9:F2} {pair.Gateway.PercentileMs(0.99),9:F2}   {pair.AddedMs(0.99):+0.00;-0.00} ms");
        }

        var (saturated, single) = (loads[0], loads[^1]);
        var (ratio, addedP50) = (pooled[saturated].Ratio, pooled[single].AddedMs(0.50));
        Console.WriteLine();
        Console.WriteLine($"At {saturated.Name} each side runs flat out, so latency there follows throughput (Little's law: {saturated.Concurrency} / req/s);");
        Console.WriteLine($"the latency the gateway itself adds is read at {single.Name}.");
        Console.WriteLine(Verdict($"throughput through the gateway >= {ThroughputTarget:F1}x direct ({saturated.Name})", $"{ratio:F2}x", ratio >= ThroughputTarget));
        Console.WriteLine(Verdict($"latency added at p50 <= {AddedP50TargetMs:F0} ms ({single.Name})", $"{addedP50:+0.00;-0.00} ms", addedP50 <= AddedP50TargetMs));

        var failed = samples.Where(s => s.Value.Sum(x => x.Errors) > 0).ToList();
        foreach (var ((load, side), list) in failed)
        {
            Console.WriteLine($"FAILED REQUESTS: {side}, {load.Name}: {list.Sum(s => s.Errors)} (last: {list.Select(s => s.LastError).Last(e => e is not null)}); this run does not stand.");
        }

        return failed.Count == 0 ? 0 : 1;
    }

    private static string Verdict(string target, string measured, bool met) =>
        $"Target: {target,-58} {measured,10}  {(met ? "met" : "NOT met")}";

    private sealed record Pair(Sample Direct, Sample Gateway)
    {
        public double Ratio => Gateway.RequestsPerSecond / Direct.RequestsPerSecond;

        public double AddedMs(double fraction) => Gateway.PercentileMs(fraction) - Direct.PercentileMs(fraction);
    }
}
