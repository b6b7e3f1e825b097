using AgentCalls.Bench.Support;

namespace AgentCalls.Bench.Clients;

/// <summary>Everything measured, side by side with its baseline or target, and whether each target is met.</summary>
public sealed class ClientsReport(BenchOptions options)
{
    private const double QueueP95TargetMs = 50;
    private const double SearchP95TargetMs = 30;
    private const double ImportRatioTarget = 0.5;

    /// <summary>The call queue's first call of the day, steady calls, and calls after a change; the target is the steady calls'.</summary>
    public List<Latencies> Queue { get; set; } = null!;

    public (List<Latencies> ByKind, int Empty) Search { get; set; }

    public List<(ImportResult Import, TimeSpan RawCopy)> Imports { get; } = [];

    /// <summary>How long writing every agent's book straight into the service's tables with binary COPY took.</summary>
    public TimeSpan BookWrite { get; init; }

    public void Print()
    {
        var allSearch = new Latencies("all queries");
        Search.ByKind.ForEach(allSearch.AddRange);

        Report.Section($"Latency through the gRPC API (book of {options.Clients:N0} clients / {options.Policies:N0} policies, one call at a time)");
        Report.LatencyColumns();
        Queue.ForEach(Report.Latency);
        Search.ByKind.ForEach(Report.Latency);
        Report.Latency(allSearch);
        Console.WriteLine($"  queries that found nothing: {Search.Empty}");

        Report.Section("Import (upload + import worker) vs raw COPY of the same file into a plain table");
        Console.WriteLine($"  {"rows",10} {"import s",9} {"upload s",9} {"import rows/s",14} {"COPY s",7} {"COPY rows/s",12} {"ratio",6}");
        foreach (var (import, copy) in Imports)
        {
            var copyRate = import.Rows / copy.TotalSeconds;
            Console.WriteLine($"  {import.Rows,10:N0} {import.Total.TotalSeconds,9:F1} {import.Upload.TotalSeconds,9:F1} {import.RowsPerSecond,14:N0} {copy.TotalSeconds,7:F1} {copyRate,12:N0} {import.RowsPerSecond / copyRate,5:F2}x");
        }

        var bookRows = options.Clients + options.Policies + options.OtherAgents * (options.OtherClients + options.OtherPolicies);
        Console.WriteLine($"  for scale: the books above went into the service's own tables (their indexes and triggers; no checks, matching,");
        Console.WriteLine($"  history or events) by binary COPY at {bookRows / BookWrite.TotalSeconds:N0} clients + policies per second, data generation included.");

        Report.Section("Clients.Service's resident memory (VmRSS before, VmHWM peak) during each import");
        Console.WriteLine($"  {"rows",10} {"before",10} {"peak",10}");
        foreach (var (import, _) in Imports)
        {
            Console.WriteLine($"  {import.Rows,10:N0} {ProcessMemory.Mib(import.MemoryBefore),10} {ProcessMemory.Mib(import.MemoryPeak),10}");
        }

        var (small, large) = (Imports[0].Import, Imports[^1].Import);
        var ratio = large.RowsPerSecond / (large.Rows / Imports[^1].RawCopy.TotalSeconds);
        Console.WriteLine($"  peak for {large.Rows:N0} rows / peak for {small.Rows:N0} rows: {(double)large.MemoryPeak / small.MemoryPeak:F2} (file {large.Rows / (double)small.Rows:F0}x larger)");
        Console.WriteLine();
        var queue = new Latencies("steady");
        Queue.Skip(1).ToList().ForEach(queue.AddRange);
        Report.Target($"call queue p95 <= {QueueP95TargetMs:F0} ms (with and without a change)", $"{queue.P95:F2} ms", queue.P95 <= QueueP95TargetMs);
        Report.Target($"search p95 <= {SearchP95TargetMs:F0} ms (all queries)", $"{allSearch.P95:F2} ms", allSearch.P95 <= SearchP95TargetMs);
        Report.Target($"import >= {ImportRatioTarget:F1}x raw COPY ({large.Rows:N0} rows)", $"{ratio:F2}x", ratio >= ImportRatioTarget);
    }
}
