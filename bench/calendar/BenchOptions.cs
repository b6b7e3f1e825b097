namespace AgentCalls.Bench.Calendar;

/// <summary>How many events Google holds, how many change between syncs, and how many free-slot queries; <c>--quick</c> for a sanity run.</summary>
public sealed record BenchOptions(int Events, int Changes, int IncrementalRounds, int SlotCalls)
{
    public const string Usage = "usage: bench/calendar/run.sh [--quick]";

    public static readonly BenchOptions Full = new(10_000, 100, 3, 300);

    public static readonly BenchOptions Quick = new(1_000, 20, 2, 50);

    public static BenchOptions Parse(string[] args) => args switch
    {
        [] => Full,
        ["--quick"] => Quick,
        _ => throw new ArgumentException($"Unknown options: {string.Join(' ', args)}."),
    };
}
