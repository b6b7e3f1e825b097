namespace AgentCalls.Bench.Clients;

/// <summary>How big the book, the other agents' books and the import files are; <c>--quick</c> is a tenth, for a sanity run.</summary>
public sealed record BenchOptions(int Clients, int Policies, int OtherAgents, int OtherClients, int OtherPolicies, int SmallImportRows, int LargeImportRows, int QueueCalls, int SearchRounds)
{
    public const string Usage = "usage: bench/clients/run.sh [--quick]";

    public static readonly BenchOptions Full = new(100_000, 250_000, 3, 20_000, 50_000, 250_000, 1_000_000, 200, 5);

    public static readonly BenchOptions Quick = new(10_000, 25_000, 3, 2_000, 5_000, 25_000, 100_000, 50, 2);

    public bool IsQuick => this == Quick;

    public static BenchOptions Parse(string[] args) => args switch
    {
        [] => Full,
        ["--quick"] => Quick,
        _ => throw new ArgumentException($"Unknown options: {string.Join(' ', args)}."),
    };
}
