namespace AgentCalls.Bench.Calendar;

/// <summary>
/// How many events Google holds, how many change between syncs, how many free-slot queries one at a time; and for
/// the concurrent step, how many agents (one per caller at the highest load), their events, the loads and how long
/// each side runs at each. <c>--quick</c> for a sanity run.
/// </summary>
public sealed record BenchOptions(
    int Events, int Changes, int IncrementalRounds, int SlotCalls, int Agents, int AgentEvents, int[] InFlight, TimeSpan StepTime, int Rounds)
{
    public const string Usage = "usage: bench/calendar/run.sh [--quick]";

    public static readonly BenchOptions Full = new(10_000, 100, 3, 300, 32, 1_000, [1, 4, 16, 32], TimeSpan.FromSeconds(5), 2);

    public static readonly BenchOptions Quick = new(1_000, 20, 2, 50, 4, 200, [1, 4], TimeSpan.FromSeconds(1), 1);

    public static BenchOptions Parse(string[] args) => args switch
    {
        [] => Full,
        ["--quick"] => Quick,
        _ => throw new ArgumentException($"Unknown options: {string.Join(' ', args)}."),
    };
}
