using System.Globalization;

namespace AgentCalls.Bench.Gateway;

/// <summary>How long and how hard to measure; in <c>measure</c> mode also where the two sides are.</summary>
public sealed record BenchOptions(int Rounds = 5, int Seconds = 10, int WarmupSeconds = 5, int Concurrency = 16)
{
    public const string Usage =
        "usage: bench/gateway/run.sh [--rounds N (5)] [--seconds N per side and load (10)] [--warmup N seconds (5)] [--concurrency N (16)]";

    public bool Measure { get; init; }

    public Uri? Service { get; init; }

    public Uri? Gateway { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions { Measure = args.FirstOrDefault() == "measure" };
        for (var i = options.Measure ? 1 : 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--rounds" => options with { Rounds = Positive(args[i], value) },
                "--seconds" => options with { Seconds = Positive(args[i], value) },
                "--warmup" => options with { WarmupSeconds = Positive(args[i], value) },
                "--concurrency" => options with { Concurrency = Positive(args[i], value) },
                "--service" when options.Measure => options with { Service = new Uri(value) },
                "--gateway" when options.Measure => options with { Gateway = new Uri(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    /// <summary>The command line of the load generator for these options.</summary>
    public IEnumerable<string> MeasureArguments(Uri service, Uri gateway) =>
    [
        "measure", "--service", service.ToString(), "--gateway", gateway.ToString(),
        "--rounds", Arg(Rounds), "--seconds", Arg(Seconds), "--warmup", Arg(WarmupSeconds), "--concurrency", Arg(Concurrency),
    ];

    private static int Positive(string name, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} takes a whole number above 0, not {value}.");

    private static string Arg(int value) => value.ToString(CultureInfo.InvariantCulture);
}
