namespace AgentCalls.Bench.Clients;

/// <summary>
/// How big the book, the other agents' books and the import files are; <c>--quick</c> is a tenth, for a sanity run;
/// <c>--import-only</c> writes the books (so the tables are their real size) and measures the imports alone.
/// </summary>
public sealed record BenchOptions(int Clients, int Policies, int OtherAgents, int OtherClients, int OtherPolicies, int SmallImportRows, int LargeImportRows, int QueueCalls, int SearchRounds)
{
    public const string Usage = "usage: bench/clients/run.sh [--quick] [--import-only]";

    public static readonly BenchOptions Full = new(100_000, 250_000, 3, 20_000, 50_000, 250_000, 1_000_000, 200, 5);

    public static readonly BenchOptions Quick = new(10_000, 25_000, 3, 2_000, 5_000, 25_000, 100_000, 50, 2);

    /// <summary>Call queue and search are not measured.</summary>
    public bool ImportOnly { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var unknown = args.Except(["--quick", "--import-only"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown options: {string.Join(' ', unknown)}.");
        }

        return (args.Contains("--quick") ? Quick : Full) with { ImportOnly = args.Contains("--import-only") };
    }
}
