using AgentCalls.Bench.Support;

namespace AgentCalls.Bench.Transcription;

/// <summary>How long the synthetic call is and how many calls are tried at once; <c>--quick</c> is a sanity run.</summary>
public sealed record BenchOptions(int CallTurns, int MaxConcurrentCalls)
{
    public const string Usage = "usage: bench/transcription/run.sh [--quick]";

    public static readonly BenchOptions Full = new(SyntheticCall.Turns, 6);

    public static readonly BenchOptions Quick = new(4, 2);

    public static BenchOptions Parse(string[] args) => args switch
    {
        [] => Full,
        ["--quick"] => Quick,
        _ => throw new ArgumentException($"Unknown options: {string.Join(' ', args)}."),
    };
}
