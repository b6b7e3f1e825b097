using AgentCalls.Bench.Support;

namespace AgentCalls.Bench.Clients;

/// <summary>Everything measured, side by side with its baseline or target, and whether each target is met.</summary>
public sealed class ClientsReport(BenchOptions options)
{
    private const double QueueP95TargetMs = 50;
    private const double SearchP95TargetMs = 30;

    /// <summary>Issue 18: 1,000,000 rows at 10,000 rows/s end to end, or at 0.4x a binary COPY of the same rows into the service's own indexed tables.</summary>
    private const double ImportRateTarget = 10_000;
    private const double ImportRatioTarget = 0.4;

    /// <summary>The call queue's first call of the day, steady calls, and calls after a change; the target is the steady calls'.</summary>
    public List<Latencies>? Queue { get; set; }

    public (List<Latencies> ByKind, int Empty)? Search { get; set; }

    public List<ImportComparison> Imports { get; } = [];

    /// <summary>How long writing every agent's book straight into the service's tables with binary COPY took.</summary>
    public TimeSpan BookWrite { get; init; }

    public void Print()
    {
        var allSearch = new Latencies("all queries");
        if (Queue is { } queueByKind && Search is var (byKind, empty))
        {
            byKind.ForEach(allSearch.AddRange);
            Report.Section($"Latency through the gRPC API (book of {options.Clients:N0} clients / {options.Policies:N0} policies, one call at a time)");
            Report.LatencyColumns();
            queueByKind.ForEach(Report.Latency);
            byKind.ForEach(Report.Latency);
            Report.Latency(allSearch);
            Console.WriteLine($"  queries that found nothing: {empty}");
        }

        Report.Section("Import (upload + import worker) vs binary COPY of the same rows into the service's own tables (indexes, triggers)");
        Console.WriteLine($"  {"rows",10} {"import s",9} {"upload s",9} {"import rows/s",14} {"COPY s",7} {"COPY rows/s",12} {"ratio",6} {"relay s",8}");
        foreach (var c in Imports)
        {
            Console.WriteLine($"  {c.Import.Rows,10:N0} {c.Import.Total.TotalSeconds,9:F1} {c.Import.Upload.TotalSeconds,9:F1} {c.Import.RowsPerSecond,14:N0} "
                + $"{c.IndexedCopy.TotalSeconds,7:F1} {c.IndexedCopyRate,12:N0} {c.IndexedRatio,5:F2}x {c.RelayLag.TotalSeconds,8:F1}");
        }

        Console.WriteLine("  relay s: how long the outbox relay went on publishing the import's events after the import ended.");

        Console.WriteLine("  and vs raw COPY of the file into a plain table (text columns, no index), the issue's earlier yardstick:");
        foreach (var c in Imports)
        {
            Console.WriteLine($"  {c.Import.Rows,10:N0} {"",9} {"",9} {"",14} {c.RawCopy.TotalSeconds,7:F1} {c.RawCopyRate,12:N0} {c.Import.RowsPerSecond / c.RawCopyRate,5:F2}x");
        }

        var bookRows = options.Clients + options.Policies + options.OtherAgents * (options.OtherClients + options.OtherPolicies);
        Console.WriteLine($"  for scale: the books above went into the same tables by the same binary COPY at {bookRows / BookWrite.TotalSeconds:N0} clients + policies");
        Console.WriteLine("  per second, data generation included.");

        Report.Section("Clients.Service's resident memory (VmRSS before, VmHWM peak) during each import");
        Console.WriteLine($"  {"rows",10} {"before",10} {"peak",10}");
        foreach (var c in Imports)
        {
            Console.WriteLine($"  {c.Import.Rows,10:N0} {ProcessMemory.Mib(c.Import.MemoryBefore),10} {ProcessMemory.Mib(c.Import.MemoryPeak),10}");
        }

        var (small, large) = (Imports[0].Import, Imports[^1]);
        Console.WriteLine($"  peak for {large.Import.Rows:N0} rows / peak for {small.Rows:N0} rows: {(double)large.Import.MemoryPeak / small.MemoryPeak:F2} (file {large.Import.Rows / (double)small.Rows:F0}x larger)");
        Console.WriteLine();
        if (Queue is { } queues)
        {
            var queue = new Latencies("steady");
            queues.Skip(1).ToList().ForEach(queue.AddRange);
            Report.Target($"call queue p95 <= {QueueP95TargetMs:F0} ms (with and without a change)", $"{queue.P95:F2} ms", queue.P95 <= QueueP95TargetMs);
            Report.Target($"search p95 <= {SearchP95TargetMs:F0} ms (all queries)", $"{allSearch.P95:F2} ms", allSearch.P95 <= SearchP95TargetMs);
        }

        var rateMet = large.Import.RowsPerSecond >= ImportRateTarget;
        var ratioMet = large.IndexedRatio >= ImportRatioTarget;
        Report.Target($"import >= {ImportRateTarget:N0} rows/s ({large.Import.Rows:N0} rows)", $"{large.Import.RowsPerSecond:N0} rows/s", rateMet);
        Report.Target($"or import >= {ImportRatioTarget:F1}x binary COPY into the service's tables", $"{large.IndexedRatio:F2}x", ratioMet);
        Report.Target("import, either of the two", rateMet || ratioMet ? "yes" : "no", rateMet || ratioMet);
    }
}

/// <summary>
/// One import, how long its events took to be published after it ended, and beside it a binary COPY of the same rows
/// into the service's own tables and a raw COPY of its file.
/// </summary>
public sealed record ImportComparison(ImportResult Import, TimeSpan RelayLag, TimeSpan IndexedCopy, TimeSpan RawCopy)
{
    /// <summary>CSV rows per second: the COPY writes the clients and policies those rows hold.</summary>
    public double IndexedCopyRate => Import.Rows / IndexedCopy.TotalSeconds;

    public double IndexedRatio => Import.RowsPerSecond / IndexedCopyRate;

    public double RawCopyRate => Import.Rows / RawCopy.TotalSeconds;
}
