using AgentCalls.Bench.Support;

namespace AgentCalls.Bench.LiveCall;

/// <summary>How many samples each latency takes, how long the spoken call is and how many calls are tried at once; <c>--quick</c> is a sanity run.</summary>
public sealed record BenchOptions(int SuggestionCalls, int ModelUtterances, int Confirms, int CallTurns, int MaxConcurrentCalls)
{
    public const string Usage = "usage: bench/live-call/run.sh [--quick]";

    public static readonly BenchOptions Full = new(SuggestionCalls: 20, ModelUtterances: 100, Confirms: 60, SyntheticCall.Turns, MaxConcurrentCalls: 6);

    public static readonly BenchOptions Quick = new(SuggestionCalls: 3, ModelUtterances: 15, Confirms: 10, CallTurns: 4, MaxConcurrentCalls: 2);

    public static BenchOptions Parse(string[] args) => args switch
    {
        [] => Full,
        ["--quick"] => Quick,
        _ => throw new ArgumentException($"Unknown options: {string.Join(' ', args)}."),
    };
}
